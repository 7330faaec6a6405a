import { userRepository } from '@heard/db';
import { ZSecondFactorInput, ZStaffSignInInput } from '@heard/domain';
import { verifyPassword } from '../../auth/passwords';
import { startSession } from '../../auth/sessions';
import { checkTotpCode } from '../../auth/totp';
import { AppError } from '../../errors';
import { publicProcedure, recordAudit, router, type AuditContext, type KeepOnRefusal } from '../../trpc';

/** After this many wrong passwords or codes in a row the account waits. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export const staffAuthRouter = router({
  /**
   * Step one: email and password. Success starts a session that can do
   * nothing but the second factor. Every failure says the same thing, so the
   * answer does not reveal which emails have accounts.
   */
  signIn: publicProcedure.input(ZStaffSignInInput).mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    const users = userRepository(ctx.tx);
    const user = await users.findByEmail(input.email);
    const passwordOk = await verifyPassword(user?.kind === 'staff' ? user.passwordHash : null, input.password);
    if (!user || user.kind !== 'staff' || !user.active) throw new AppError('BAD_INPUT', 'auth.signIn.errors.wrong');
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new AppError('TOO_MANY', 'auth.signIn.errors.locked', { params: { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) } });
    }
    if (!passwordOk) {
      recordFailure(ctx, user.id, user.failedSignIns);
      throw new AppError('BAD_INPUT', 'auth.signIn.errors.wrong');
    }
    if (!user.totpSecret) throw new AppError('REFUSED', 'auth.signIn.errors.noSecondFactor');
    const session = await startSession(ctx.tx, {
      councilId: ctx.council.id,
      kind: 'staff',
      state: 'pending_second_factor',
      userId: user.id,
      now,
      replacing: ctx.session?.tokenHash ?? null,
    });
    return { token: session.token, expiresAt: session.expiresAt, next: 'second_factor' as const };
  }),

  /** Step two: the TOTP code. Success rotates the token again and opens the session. */
  verifySecondFactor: publicProcedure.input(ZSecondFactorInput).mutation(async ({ ctx, input }) => {
    const session = ctx.session;
    if (!session || session.kind !== 'staff' || !session.pendingSecondFactor) throw new AppError('NOT_SIGNED_IN', 'auth.totp.errors.expired');
    const now = ctx.now();
    const users = userRepository(ctx.tx);
    const user = await users.getById(session.userId);
    if (user.lockedUntil && user.lockedUntil > now) throw new AppError('TOO_MANY', 'auth.signIn.errors.locked', { params: { minutes: 15 } });
    const step = user.totpSecret ? await checkTotpCode(user.totpSecret, input.code, now, user.totpLastStep) : null;
    if (step === null) {
      recordFailure(ctx, user.id, user.failedSignIns);
      throw new AppError('BAD_INPUT', 'auth.totp.errors.wrong', { fieldErrors: { code: 'auth.totp.errors.wrong' } });
    }
    await users.recordTotpStep(user.id, step);
    await users.recordSuccessfulSignIn(user.id);
    const active = await startSession(ctx.tx, {
      councilId: ctx.council.id,
      kind: 'staff',
      state: 'active',
      userId: user.id,
      now,
      replacing: session.tokenHash,
    });
    await recordAudit({ ...ctx, session }, { action: 'sign_in', detail: 'password+totp' });
    return { token: active.token, expiresAt: active.expiresAt };
  }),
});

/**
 * Counts a wrong password or code towards the lockout. The call is refused
 * (and its transaction rolled back), so the count is kept through
 * `keepOnRefusal`, written after the rollback.
 */
function recordFailure(
  ctx: AuditContext & { keepOnRefusal: KeepOnRefusal; now: () => Date },
  userId: string,
  failedSoFar: number,
): void {
  const failures = failedSoFar + 1;
  const lockedUntil = failures >= MAX_FAILED_SIGN_INS ? new Date(ctx.now().getTime() + LOCKOUT_MS) : null;
  ctx.keepOnRefusal(async (tx) => {
    await userRepository(tx).recordFailedSignIn(userId, lockedUntil);
    await recordAudit({ ...ctx, tx }, { action: 'sign_in_failed', detail: lockedUntil ? 'locked' : `attempt ${failures}` });
  });
}
