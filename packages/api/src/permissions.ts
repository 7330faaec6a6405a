import type { StaffRole } from '@heard/domain';

const CO = 'complaints_officer';
const SM = 'service_manager';
const IO = 'investigating_officer';
const IP = 'independent_person';
const PM = 'panel_member';
const MV = 'management_viewer';
const AD = 'administrator';

/**
 * What each staff role may do, as `action:entity:access` (epic-stack's
 * permission strings). `any` is every case of the council; `own` is the
 * cases within the person's scope: a service manager's divisions and
 * services, the Stage 2 cases an investigating officer or independent person
 * is appointed to, a panel member's Stage 3 cases, and cases they own.
 *
 * The API checks these (and the scope of `own`, `auth/case-access.ts`);
 * row-level security checks the same scope again underneath, from the grants
 * in `user_roles` (migration 20261124T040000-staff-casework).
 */
export const PERMISSIONS = {
  'read:dashboard:any': [CO, SM, IO, IP, PM, MV, AD],
  // Reference data for forms and filters (divisions, services, themes, localities, staff).
  'read:reference:any': [CO, SM, IO, IP, PM, MV, AD],

  // Tracker, weekly review, exports, saved views.
  'read:tracker:any': [CO, MV],
  'read:tracker:own': [SM, IO, IP, PM],
  'export:tracker:any': [CO, MV],
  'export:tracker:own': [SM],
  'read:review:any': [CO, MV],
  'manage:view:own': [CO, SM, IO, IP, PM, MV],

  // Triage and entry.
  'triage:case:any': [CO],
  'create:case:any': [CO],
  'assign:case:any': [CO],
  'acknowledge:case:any': [CO],

  // The case page and work on it.
  'read:case:any': [CO],
  'read:case:own': [SM, IO, IP, PM],
  'note:case:any': [CO],
  'note:case:own': [SM, IO, IP, PM],
  'respond:case:any': [CO],
  'respond:case:own': [SM, IO],
  'learning:case:any': [CO],
  'learning:case:own': [SM],
  'close:case:any': [CO],
  'people:case:any': [CO],

  // Escalation: requests and decisions, appointments, the Ombudsman.
  'escalate:case:any': [CO],
  'statement:case:any': [CO],
  'statement:case:own': [IO],
  'panel:case:any': [CO],
  'panel:case:own': [PM],

  // FOI.
  'foi:case:any': [CO],

  // Logs.
  'read:logs:any': [CO, MV],
  'read:advocacy:any': [CO, MV],
  'manage:advocacy:any': [CO],

  // Reports (issue 6): the figures narrowed by row-level security to what the viewer may see.
  'read:report:any': [CO, MV, AD],
  'read:report:own': [SM],
  'import:case:any': [AD],

  // Administration.
  'read:audit:any': [AD],
  // The outbox, "Sent messages" (jobs, issue 7).
  'read:messages:any': [CO, AD],
  // Subject access (UK GDPR art. 15): everything held about a person, searched and exported as a zip.
  'export:subject-access:any': [CO, AD],
  'manage:reference:any': [AD],
  'manage:policy:any': [AD],
  'manage:template:any': [AD],
  'manage:user:any': [AD],
  'manage:sso:any': [AD],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

/** An action on cases that comes as `any` and/or `own` (e.g. `respond` -> `respond:case:any`, `respond:case:own`). */
export type CaseAction = Permission extends infer P ? (P extends `${infer A}:case:${'any' | 'own'}` ? A : never) : never;

export function rolesGrant(roles: readonly StaffRole[], permission: Permission): boolean {
  const allowed: readonly StaffRole[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/** `any` when a role reaches every case for this action, `own` when only cases in scope, else `none`. */
export function caseAccessFor(roles: readonly StaffRole[], action: CaseAction): 'any' | 'own' | 'none' {
  const any = `${action}:case:any` as Permission;
  const own = `${action}:case:own` as Permission;
  if (any in PERMISSIONS && rolesGrant(roles, any)) return 'any';
  if (own in PERMISSIONS && rolesGrant(roles, own)) return 'own';
  return 'none';
}

/** Every permission the roles hold: what the back-office shows and hides. */
export function permissionsOf(roles: readonly StaffRole[]): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => rolesGrant(roles, permission));
}
