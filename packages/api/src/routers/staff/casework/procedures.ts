import { AppError } from '../../../errors';
import { caseAccessFor, rolesGrant, type CaseAction, type Permission } from '../../../permissions';
import { staffProcedure } from '../../../trpc';

/**
 * A staff procedure on cases for `action`: refused (FORBIDDEN) before any
 * input is read when no role of the person has `action:case:any` or
 * `action:case:own`; `own` is then checked per case by `loadCase`.
 */
export function caseProcedure(action: CaseAction) {
  return staffProcedure.use(({ ctx, next }) => {
    if (caseAccessFor(ctx.session.roles.map((grant) => grant.role), action) === 'none') throw new AppError('FORBIDDEN', 'errors.forbidden');
    return next();
  });
}

/** A staff procedure needing any one of these permissions. */
export function staffProcedureWithAny(permissions: readonly Permission[]) {
  return staffProcedure.use(({ ctx, next }) => {
    const roles = ctx.session.roles.map((grant) => grant.role);
    if (!permissions.some((permission) => rolesGrant(roles, permission))) throw new AppError('FORBIDDEN', 'errors.forbidden');
    return next();
  });
}
