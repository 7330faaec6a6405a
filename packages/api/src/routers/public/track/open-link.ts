import { accessCodeRepository } from '@heard/db';
import { z } from 'zod';
import { startSession } from '../../../auth/sessions';
import { AppError } from '../../../errors';
import { publicProcedure, recordAudit } from '../../../trpc';
import { takeToken } from '../lib/rate-limit';
import { hashSecret } from '../lib/secrets';

/**
 * The link in our emails: its 256-bit secret, stored as a hash, opens the
 * same case page as a code does, for 30 days from the email.
 */
export const openTrackingLink = publicProcedure.input(z.object({ token: z.string().min(20).max(100) })).mutation(async ({ ctx, input }) => {
  const now = ctx.now();
  takeToken(ctx.database, 'link', ctx.request.ip ?? 'unknown', now);
  const link = await accessCodeRepository(ctx.tx).findLiveLink('track_link', hashSecret(input.token), now);
  if (!link?.caseId) throw new AppError('NOT_FOUND', 'portal.track.errors.linkExpired');
  const session = await startSession(ctx.tx, { councilId: ctx.council.id, kind: 'citizen', state: 'active', caseId: link.caseId, now, replacing: ctx.session?.tokenHash ?? null });
  await recordAudit({ ...ctx, session: { kind: 'citizen', tokenHash: '', caseId: link.caseId } }, { action: 'sign_in', caseId: link.caseId, detail: 'tracking link' });
  return { token: session.token, expiresAt: session.expiresAt };
});
