import { caseRepository } from '@heard/db';
import { toUkDate } from '@heard/domain';
import { recordAudit, router, staffProcedureWith } from '../../trpc';

export const dashboardRouter = router({
  /** The back-office home: who is signed in, for which council, and the open caseload. */
  summary: staffProcedureWith('read:dashboard:any').query(async ({ ctx }) => {
    const today = toUkDate(ctx.now());
    const counts = await caseRepository(ctx.tx).countOpen(today);
    await recordAudit(ctx, { action: 'read', detail: 'staff.dashboard.summary' });
    return {
      council: { name: ctx.council.name, nameCy: ctx.council.nameCy },
      user: { displayName: ctx.session.displayName, roles: ctx.session.roles.map((grant) => grant.role) },
      today,
      counts,
    };
  }),
});
