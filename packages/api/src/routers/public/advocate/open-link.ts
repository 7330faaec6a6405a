import { accessCodeRepository, advocateRepository } from '@heard/db';
import { z } from 'zod';
import { startSession } from '../../../auth/sessions';
import { AppError } from '../../../errors';
import { publicProcedure, recordAudit } from '../../../trpc';
import { takeToken } from '../lib/rate-limit';
import { hashSecret } from '../lib/secrets';

/** An advocate's sign-in link: once, within 20 minutes. */
export const openAdvocateLink = publicProcedure.input(z.object({ token: z.string().min(20).max(100) })).mutation(async ({ ctx, input }) => {
  const now = ctx.now();
  takeToken(ctx.database, 'link', ctx.request.ip ?? 'unknown', now);
  const codes = accessCodeRepository(ctx.tx);
  const link = await codes.findLiveLink('advocate_link', hashSecret(input.token), now);
  if (!link?.userId) throw new AppError('NOT_FOUND', 'portal.advocate.errors.linkExpired');
  const advocate = await advocateRepository(ctx.tx).getById(link.userId);
  if (!advocate.active) throw new AppError('NOT_FOUND', 'portal.advocate.errors.linkExpired');
  await codes.markUsed(link.id, now);
  const session = await startSession(ctx.tx, { councilId: ctx.council.id, kind: 'advocate', state: 'active', userId: advocate.id, now, replacing: ctx.session?.tokenHash ?? null });
  await recordAudit({ ...ctx, session: { kind: 'advocate', tokenHash: '', userId: advocate.id, displayName: advocate.displayName, email: advocate.email } }, { action: 'sign_in', detail: 'advocate link' });
  return { token: session.token, expiresAt: session.expiresAt };
});
