import { advocateRepository } from '@heard/db';
import { ZAdvocateRegisterInput } from '@heard/domain';
import { hashPassword } from '../../../auth/passwords';
import { startSession } from '../../../auth/sessions';
import { AppError } from '../../../errors';
import { publicProcedure, recordAudit } from '../../../trpc';
import { takeToken } from '../lib/rate-limit';

/**
 * An advocate (for example from NYAS) makes an account: name, organisation,
 * email and a password (argon2id). The account sees only the cases it acts
 * on, so anyone may make one; staff see the organisation on each case.
 */
export const registerAdvocate = publicProcedure.input(ZAdvocateRegisterInput).mutation(async ({ ctx, input }) => {
  takeToken(ctx.database, 'advocateSignIn', ctx.request.ip ?? 'unknown', ctx.now());
  const advocate = await advocateRepository(ctx.tx).create({
    councilId: ctx.council.id,
    email: input.email,
    displayName: input.fullName,
    organisation: input.organisation,
    passwordHash: await hashPassword(input.password),
    language: ctx.request.language,
  });
  if (!advocate) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { email: 'portal.advocate.errors.emailTaken' } });
  const session = await startSession(ctx.tx, { councilId: ctx.council.id, kind: 'advocate', state: 'active', userId: advocate.id, now: ctx.now(), replacing: ctx.session?.tokenHash ?? null });
  await recordAudit({ ...ctx, session: { kind: 'advocate', tokenHash: '', userId: advocate.id, displayName: advocate.displayName, email: advocate.email } }, { action: 'sign_in', detail: 'advocate registered' });
  return { token: session.token, expiresAt: session.expiresAt };
});
