import { accessCodeRepository, trackingRepository } from '@heard/db';
import { ZCaseReference, ZTrackingCodeForm } from '@heard/domain';
import { z } from 'zod';
import { startSession } from '../../../auth/sessions';
import { AppError } from '../../../errors';
import { publicProcedure, recordAudit } from '../../../trpc';
import { takeToken } from '../lib/rate-limit';
import { hashCode } from '../lib/secrets';

/** After this many wrong codes the reference is locked for LOCK_MINUTES. */
export const MAX_WRONG_CODES = 5;
export const LOCK_MINUTES = 15;

/**
 * Track a case, step two: the code. A right code opens a short citizen
 * session for this case only. Every wrong code counts (kept even though the
 * call is refused); the fifth locks the reference for 15 minutes and ends
 * its codes. An unknown reference gets the same answer as a wrong code.
 */
export const verifyTrackingCode = publicProcedure
  .input(z.object({ reference: ZCaseReference, code: ZTrackingCodeForm.shape.code }))
  .mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    takeToken(ctx.database, 'codeEntry', ctx.request.ip ?? 'unknown', now);
    const wrong = () => new AppError('BAD_INPUT', 'portal.track.errors.codeWrong', { fieldErrors: { code: 'portal.track.errors.codeWrong' }, params: { max: MAX_WRONG_CODES, minutes: LOCK_MINUTES } });
    const tracking = trackingRepository(ctx.tx);
    const caseId = await tracking.findCaseIdByReference(input.reference);
    if (!caseId) throw wrong();
    const lock = await tracking.getLock(caseId);
    if (lock.lockedUntil && lock.lockedUntil > now) {
      throw new AppError('TOO_MANY', 'portal.track.errors.locked', { params: { minutes: Math.ceil((lock.lockedUntil.getTime() - now.getTime()) / 60_000) } });
    }
    const codes = accessCodeRepository(ctx.tx);
    const live = await codes.findLiveCodes(caseId, now);
    const match = live.find((c) => c.secretHash === hashCode(caseId, input.code));
    if (!match) {
      // A lock that has run out starts the count again.
      const failures = (lock.lockedUntil ? 0 : lock.failedAttempts) + 1;
      const lockedUntil = failures >= MAX_WRONG_CODES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
      ctx.keepOnRefusal(async (tx) => {
        await trackingRepository(tx).setLock({ councilId: ctx.council.id, caseId, failedAttempts: lockedUntil ? 0 : failures, lockedUntil, now });
        if (lockedUntil) await accessCodeRepository(tx).expireCodes(caseId, now);
        await recordAudit({ ...ctx, tx }, { action: 'sign_in_failed', caseId, detail: lockedUntil ? 'tracking code: locked' : `tracking code: attempt ${failures}` });
      });
      if (lockedUntil) throw new AppError('TOO_MANY', 'portal.track.errors.locked', { params: { minutes: LOCK_MINUTES } });
      throw wrong();
    }
    await codes.expireCodes(caseId, now);
    await tracking.setLock({ councilId: ctx.council.id, caseId, failedAttempts: 0, lockedUntil: null, now });
    const session = await startSession(ctx.tx, { councilId: ctx.council.id, kind: 'citizen', state: 'active', caseId, now, replacing: ctx.session?.tokenHash ?? null });
    await recordAudit({ ...ctx, session: { kind: 'citizen', tokenHash: '', caseId } }, { action: 'sign_in', caseId, detail: 'tracking code' });
    return { token: session.token, expiresAt: session.expiresAt };
  });
