import type { RoleGrant } from '@heard/db';

/** What decides whether a case is within a person's own scope. */
export type ScopedCase = { divisionId: string | null; serviceId: string | null; ownerUserId: string | null; stage: string | null };
export type Appointment = { userId: string; role: 'investigating_officer' | 'independent_person' | 'panel_member' };

/**
 * The API's check of `own` access (permissions.ts), the same scope that
 * row-level security applies underneath: a service manager reaches the cases
 * of their divisions and services; an investigating officer or independent
 * person the Stage 2 cases they are appointed to; a panel member their Stage
 * 3 cases; anyone the cases they own.
 */
export function isInOwnScope(userId: string, grants: readonly RoleGrant[], record: ScopedCase, appointments: readonly Appointment[]): boolean {
  if (record.ownerUserId === userId) return true;
  const appointedAs = (role: Appointment['role']) => appointments.some((a) => a.userId === userId && a.role === role);
  return grants.some((grant) => {
    switch (grant.role) {
      case 'service_manager':
        return (grant.divisionId !== null && grant.divisionId === record.divisionId) || (grant.serviceId !== null && grant.serviceId === record.serviceId);
      case 'investigating_officer':
      case 'independent_person':
        return record.stage === '2' && appointedAs(grant.role);
      case 'panel_member':
        return record.stage === '3' && appointedAs('panel_member');
      default:
        return false;
    }
  });
}

/** The divisions and services a person manages: the tracker's `own` scope. */
export function managedScope(grants: readonly RoleGrant[]): { divisionIds: string[]; serviceIds: string[] } {
  const managing = grants.filter((g) => g.role === 'service_manager');
  return {
    divisionIds: managing.flatMap((g) => (g.divisionId ? [g.divisionId] : [])),
    serviceIds: managing.flatMap((g) => (g.serviceId ? [g.serviceId] : [])),
  };
}
