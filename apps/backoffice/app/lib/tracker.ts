import { CASE_STATUSES, CASE_TYPES, STAGES } from '@heard/domain';

export const TRACKER_SORTS = ['due_asc', 'due_desc', 'received_asc', 'received_desc', 'reference_asc'] as const;
export const TRACKER_RAGS = ['red', 'amber', 'green', 'met', 'missed', 'awaiting_agreed_statement', 'awaiting', 'paused', 'no_deadline'] as const;

export type TrackerQuery = {
  filters: {
    types?: string[];
    stages?: string[];
    statuses?: string[];
    divisionId?: string;
    serviceId?: string;
    owner?: string;
    dueWithinDays?: number;
    overdue?: boolean;
    rag?: string;
  };
  sort: (typeof TRACKER_SORTS)[number];
  cursor: string | null;
};

const known = <T extends string>(values: string[], allowed: readonly T[]) => values.filter((v): v is T => (allowed as readonly string[]).includes(v));

/**
 * The tracker's filters as a URL (a GET form, so a view is a link that can be
 * bookmarked and shared); anything unknown in the URL is dropped, and a
 * malformed number is passed on for the API to explain.
 */
export function readTrackerQuery(params: URLSearchParams): TrackerQuery {
  const filters: TrackerQuery['filters'] = {};
  const types = known(params.getAll('types'), CASE_TYPES);
  const stages = known(params.getAll('stages'), STAGES);
  const statuses = known(params.getAll('statuses'), CASE_STATUSES);
  if (types.length) filters.types = types;
  if (stages.length) filters.stages = stages;
  if (statuses.length) filters.statuses = statuses;
  for (const key of ['divisionId', 'serviceId', 'owner'] as const) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const within = params.get('dueWithinDays');
  if (within !== null && within.trim() !== '') filters.dueWithinDays = Number(within);
  if (params.get('overdue') === 'yes') filters.overdue = true;
  const rag = params.get('rag');
  if (rag && (TRACKER_RAGS as readonly string[]).includes(rag)) filters.rag = rag;
  const sort = params.get('sort');
  return { filters, sort: sort && (TRACKER_SORTS as readonly string[]).includes(sort) ? (sort as TrackerQuery['sort']) : 'due_asc', cursor: params.get('cursor') };
}

export function trackerSearch(filters: TrackerQuery['filters'], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const type of filters.types ?? []) params.append('types', type);
  for (const stage of filters.stages ?? []) params.append('stages', stage);
  for (const status of filters.statuses ?? []) params.append('statuses', status);
  for (const key of ['divisionId', 'serviceId', 'owner', 'rag'] as const) if (filters[key]) params.set(key, String(filters[key]));
  if (filters.dueWithinDays !== undefined) params.set('dueWithinDays', String(filters.dueWithinDays));
  if (filters.overdue) params.set('overdue', 'yes');
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}
