import { accessCodeRepository, advocateRepository } from '@heard/db';
import { ZMagicLinkRequest } from '@heard/domain';
import { publicProcedure } from '../../../trpc';
import { queueMessage } from '../lib/notifications';
import { takeToken } from '../lib/rate-limit';
import { hashSecret, newSecret, portalOrigin } from '../lib/secrets';

/** A sign-in link lasts 20 minutes and works once. */
export const LINK_MINUTES = 20;

/**
 * An advocate asks for a sign-in link by email instead of a password. The
 * answer is the same whether or not the email has an account.
 */
export const requestAdvocateLink = publicProcedure.input(ZMagicLinkRequest).mutation(async ({ ctx, input }) => {
  const now = ctx.now();
  takeToken(ctx.database, 'email', ctx.request.ip ?? 'unknown', now);
  const advocate = await advocateRepository(ctx.tx).findByEmail(input.email);
  if (!advocate || !advocate.active) return { sent: true as const };
  const codes = accessCodeRepository(ctx.tx);
  if ((await codes.countSince({ purpose: 'advocate_link', userId: advocate.id, since: new Date(now.getTime() - 3600_000) })) >= 5) return { sent: true as const };
  const secret = newSecret();
  await codes.insert({ councilId: ctx.council.id, purpose: 'advocate_link', caseId: null, userId: advocate.id, secretHash: hashSecret(secret), expiresAt: new Date(now.getTime() + LINK_MINUTES * 60_000), now });
  await queueMessage(ctx.tx, {
    councilId: ctx.council.id,
    caseId: null,
    channel: 'email',
    recipient: advocate.email,
    template: 'advocate_link',
    language: ctx.request.language,
    payload: { link: `${portalOrigin(ctx.council, ctx.request.host)}/advocate/link/${secret}`, minutes: LINK_MINUTES },
    idempotencyKey: `advocate_link:${advocate.id}:${now.getTime()}`,
  });
  return { sent: true as const };
});
