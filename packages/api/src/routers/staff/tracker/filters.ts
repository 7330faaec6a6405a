import { TRACKER_RAGS, TRACKER_SORTS, type TrackerFilters, type TrackerScope } from '@heard/db';
import { CASE_STATUSES, CASE_TYPES, STAGES, ZId, zChoice } from '@heard/domain';
import { z } from 'zod';
import { managedScope } from '../../../auth/case-access';
import { rolesGrant, type Permission } from '../../../permissions';
import type { StaffContext } from '../casework/context';

/** The tracker's filters, as a saved view stores them and a link carries them. */
export const ZTrackerFilters = z.object({
  types: z.array(zChoice(CASE_TYPES)).max(CASE_TYPES.length).optional(),
  stages: z.array(zChoice(STAGES)).max(STAGES.length).optional(),
  statuses: z.array(zChoice(CASE_STATUSES)).max(CASE_STATUSES.length).optional(),
  divisionId: ZId.optional(),
  serviceId: ZId.optional(),
  /** A staff member's id, 'me' or 'unassigned'. */
  owner: z.union([ZId, z.literal('me'), z.literal('unassigned')], { error: 'errors.choice.invalid' }).optional(),
  dueWithinDays: z.number({ error: 'errors.number.wholeNumber' }).int({ error: 'errors.number.wholeNumber' }).min(0, { error: 'errors.number.tooSmall' }).max(60, { error: 'errors.number.tooBig' }).optional(),
  overdue: z.boolean().optional(),
  rag: zChoice(TRACKER_RAGS).optional(),
});
export type TTrackerFilters = z.infer<typeof ZTrackerFilters>;

export const ZTrackerInput = z.object({
  filters: ZTrackerFilters.default({}),
  sort: zChoice(TRACKER_SORTS).default('due_asc'),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

/** Every case of the council, or the person's own (their divisions, services, appointments and cases they own). */
export function trackerScope(ctx: StaffContext, any: Permission): TrackerScope {
  if (rolesGrant(ctx.session.roles.map((g) => g.role), any)) return { kind: 'all' };
  return { kind: 'own', userId: ctx.session.userId, ...managedScope(ctx.session.roles) };
}

export function toRepositoryFilters(ctx: StaffContext, filters: TTrackerFilters): TrackerFilters {
  return { ...filters, owner: filters.owner === 'me' ? ctx.session.userId : filters.owner };
}
