import { advocateRepository, userRepository } from '@heard/db';
import { ZAdvocateSignInInput } from '@heard/domain';
import { verifyPassword } from '../../../auth/passwords';
import { startSession } from '../../../auth/sessions';
import { AppError } from '../../../errors';
import { publicProcedure, recordAudit } from '../../../trpc';
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS } from '../../auth/staff';
import { takeToken } from '../lib/rate-limit';

/**
 * An advocate signs in with email and password. Every failure reads the
 * same (no hint which emails have accounts); five in a row lock the account
 * for 15 minutes, as for staff.
 */
export const signInAdvocate = publicProcedure.input(ZAdvocateSignInInput).mutation(async ({ ctx, input }) => {
  const now = ctx.now();
  takeToken(ctx.database, 'advocateSignIn', ctx.request.ip ?? 'unknown', now);
  const advocate = await advocateRepository(ctx.tx).findByEmail(input.email);
  const passwordOk = await verifyPassword(advocate?.passwordHash ?? null, input.password);
  if (!advocate || !advocate.active) throw new AppError('BAD_INPUT', 'portal.advocate.errors.wrong');
  if (advocate.lockedUntil && advocate.lockedUntil > now) {
    throw new AppError('TOO_MANY', 'portal.advocate.errors.locked', { params: { minutes: Math.ceil((advocate.lockedUntil.getTime() - now.getTime()) / 60_000) } });
  }
  if (!passwordOk) {
    const failures = advocate.failedSignIns + 1;
    const lockedUntil = failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MS) : null;
    ctx.keepOnRefusal(async (tx) => {
      await userRepository(tx).recordFailedSignIn(advocate.id, lockedUntil);
      await recordAudit({ ...ctx, tx, session: null }, { action: 'sign_in_failed', detail: lockedUntil ? 'advocate: locked' : `advocate: attempt ${failures}` });
    });
    throw new AppError('BAD_INPUT', 'portal.advocate.errors.wrong');
  }
  await userRepository(ctx.tx).recordSuccessfulSignIn(advocate.id);
  const session = await startSession(ctx.tx, { councilId: ctx.council.id, kind: 'advocate', state: 'active', userId: advocate.id, now, replacing: ctx.session?.tokenHash ?? null });
  await recordAudit({ ...ctx, session: { kind: 'advocate', tokenHash: '', userId: advocate.id, displayName: advocate.displayName, email: advocate.email } }, { action: 'sign_in', detail: 'advocate password' });
  return { token: session.token, expiresAt: session.expiresAt };
});
