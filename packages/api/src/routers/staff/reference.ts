import { adminRepository, caseworkRepository } from '@heard/db';
import { router, staffProcedureWith } from '../../trpc';
import { permissionsOf } from '../../permissions';

/** `staff.reference.*` and `staff.me`: what forms and filters offer, and what this person may do. */
export const referenceRouter = router({
  list: staffProcedureWith('read:reference:any').query(async ({ ctx }) => {
    const admin = adminRepository(ctx.tx);
    const [divisions, services, themes, localities, staff] = await Promise.all([
      admin.listReference('divisions', { activeOnly: true }),
      admin.listReference('services', { activeOnly: true }),
      admin.listReference('themes', { activeOnly: true }),
      admin.listReference('localities', { activeOnly: true }),
      caseworkRepository(ctx.tx).listAssignableStaff(),
    ]);
    return { divisions, services, themes, localities, staff };
  }),
});

export const me = staffProcedureWith('read:dashboard:any').query(({ ctx }) => {
  const roles = ctx.session.roles.map((grant) => grant.role);
  return { userId: ctx.session.userId, displayName: ctx.session.displayName, roles, permissions: permissionsOf(roles) };
});
