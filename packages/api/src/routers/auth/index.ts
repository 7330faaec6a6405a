import { sessionRepository } from '@heard/db';
import { publicProcedure, recordAudit, router } from '../../trpc';
import { oidcRouter } from './oidc';
import { staffAuthRouter } from './staff';

export const authRouter = router({
  staff: staffAuthRouter,
  oidc: oidcRouter,
  /** Who the session belongs to, without failing when there is none. */
  whoami: publicProcedure.query(({ ctx }) => {
    const session = ctx.session;
    if (!session) return null;
    if (session.kind === 'citizen') return { kind: session.kind };
    return {
      kind: session.kind,
      displayName: session.displayName,
      pendingSecondFactor: session.kind === 'staff' ? session.pendingSecondFactor : false,
      roles: session.kind === 'staff' ? session.roles.map((grant) => grant.role) : [],
    };
  }),
  /** Ends the session on the server, so the cookie is dead even if it was copied. */
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    if (!ctx.session) return { signedOut: false };
    await sessionRepository(ctx.tx).delete(ctx.session.tokenHash);
    await recordAudit(ctx, { action: 'sign_out' });
    return { signedOut: true };
  }),
});
