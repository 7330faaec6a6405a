import { sql, type Expression, type SqlBool } from 'kysely';
import type { CaseStatus, CaseType, Stage } from '@heard/domain';
import type { Tx } from '../client';
import type { DeadlineStatus } from '../schema/casework-tables';

export const TRACKER_SORTS = ['due_asc', 'due_desc', 'received_asc', 'received_desc', 'reference_asc'] as const;
export type TrackerSort = (typeof TRACKER_SORTS)[number];
export const TRACKER_RAGS = ['red', 'amber', 'green', 'met', 'missed', 'awaiting_agreed_statement', 'awaiting', 'paused', 'no_deadline'] as const;
export type TrackerRag = (typeof TRACKER_RAGS)[number];

export type TrackerFilters = {
  types?: readonly CaseType[] | undefined;
  stages?: readonly Stage[] | undefined;
  statuses?: readonly CaseStatus[] | undefined;
  divisionId?: string | undefined;
  serviceId?: string | undefined;
  /** A staff member's id, or 'unassigned'. */
  owner?: string | undefined;
  /** Due from today to N working days ahead (not yet answered). */
  dueWithinDays?: number | undefined;
  overdue?: boolean | undefined;
  rag?: TrackerRag | undefined;
};

/**
 * The dates the tracker compares with, computed by @heard/domain on the
 * council's calendar and FOI's all-UK calendar (never counted here):
 * `amberBefore` is the first day that is not amber (the (N+1)th working day
 * after today, N = the policy's amber window), so `due_on < amberBefore`
 * is exactly "at most N working days away"; `dueWithinBefore` likewise for
 * the "due within N working days" filter.
 */
export type TrackerDates = {
  today: string;
  council: { amberBefore: string; dueWithinBefore?: string | undefined };
  foi: { amberBefore: string; dueWithinBefore?: string | undefined };
};

/** Who is asking: every case of the council, or only those in their own scope (the API's check; row-level security checks it again). */
export type TrackerScope = { kind: 'all' } | { kind: 'own'; userId: string; divisionIds: readonly string[]; serviceIds: readonly string[] };

export type TrackerRow = {
  id: string;
  reference: string;
  type: CaseType;
  stage: Stage | null;
  status: CaseStatus;
  receivedOn: string;
  dueOn: string | null;
  respondedOn: string | null;
  deadlineStatus: DeadlineStatus | null;
  rag: TrackerRag;
  ownerUserId: string | null;
  ownerName: string | null;
  divisionName: string | null;
  serviceName: string | null;
  /** Compliments: whether it may be shared. */
  mayShare: boolean | null;
};

export type TrackerPage = { rows: TrackerRow[]; nextCursor: string | null };

const OPEN = sql<SqlBool>`c.status not in ('closed', 'withdrawn', 'out_of_remit')`;

type Cursor = { v: string; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.v, cursor.id])).toString('base64url');
}

/** A cursor from a link; anything malformed is ignored (the first page), never an error. */
export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [v, id] = parsed as [unknown, unknown];
    if (typeof v !== 'string' || typeof id !== 'string' || v.length > 60 || !/^[0-9a-f-]{36}$/.test(id)) return null;
    return { v, id };
  } catch {
    return null;
  }
}

function ragExpression(dates: TrackerDates) {
  return sql<TrackerRag>`case
    when c.due_on is null then coalesce(nullif(c.deadline_status, 'due'), 'no_deadline')
    when c.responded_on is not null then case when c.responded_on <= c.due_on then 'met' else 'missed' end
    when c.due_on < ${dates.today} then 'red'
    when c.due_on < (case when c.type = 'foi_request' then ${dates.foi.amberBefore} else ${dates.council.amberBefore} end)::date then 'amber'
    else 'green' end`;
}

function scopeCondition(scope: TrackerScope): Expression<SqlBool> | null {
  if (scope.kind === 'all') return null;
  const uuidArray = (ids: readonly string[]) => sql`${sql.val(`{${ids.join(',')}}`)}::uuid[]`;
  return sql<SqlBool>`(c.division_id = any (${uuidArray(scope.divisionIds)})
    or c.service_id = any (${uuidArray(scope.serviceIds)})
    or c.owner_user_id = ${scope.userId}
    or c.id in (select a.case_id from case_assignments a where a.user_id = ${scope.userId}))`;
}

const SORTS: Record<TrackerSort, { column: 'c.due_sort' | 'c.received_on' | 'c.reference'; direction: 'asc' | 'desc'; cast: string }> = {
  due_asc: { column: 'c.due_sort', direction: 'asc', cast: 'date' },
  due_desc: { column: 'c.due_sort', direction: 'desc', cast: 'date' },
  received_asc: { column: 'c.received_on', direction: 'asc', cast: 'date' },
  received_desc: { column: 'c.received_on', direction: 'desc', cast: 'date' },
  reference_asc: { column: 'c.reference', direction: 'asc', cast: 'text' },
};

/**
 * The tracker: open cases of the council, filtered, sorted and read a page
 * at a time by keyset (the last row's sort value and id), so the 100th page
 * costs what the first does. Row-level security narrows it to the council
 * and the person's scope underneath whatever the API asks.
 */
export function trackerRepository(tx: Tx) {
  function base(filters: TrackerFilters, dates: TrackerDates, scope: TrackerScope, options: { openOnly: boolean }) {
    const rag = ragExpression(dates);
    let query = tx
      .selectFrom('cases as c')
      .leftJoin('users as u', 'u.id', 'c.owner_user_id')
      .leftJoin('divisions as d', 'd.id', 'c.division_id')
      .leftJoin('services as s', 's.id', 'c.service_id')
      .select([
        'c.id',
        'c.reference',
        'c.type',
        'c.stage',
        'c.status',
        'c.received_on',
        'c.due_on',
        'c.due_sort',
        'c.responded_on',
        'c.deadline_status',
        'c.owner_user_id',
        'u.display_name as owner_name',
        'd.name as division_name',
        's.name as service_name',
        'c.may_share',
        rag.as('rag'),
      ]);
    if (options.openOnly) query = query.where(OPEN);
    const scoped = scopeCondition(scope);
    if (scoped) query = query.where(scoped);
    if (filters.types?.length) query = query.where('c.type', 'in', [...filters.types]);
    if (filters.stages?.length) query = query.where('c.stage', 'in', [...filters.stages]);
    if (filters.statuses?.length) query = query.where('c.status', 'in', [...filters.statuses]);
    if (filters.divisionId) query = query.where('c.division_id', '=', filters.divisionId);
    if (filters.serviceId) query = query.where('c.service_id', '=', filters.serviceId);
    if (filters.owner === 'unassigned') query = query.where('c.owner_user_id', 'is', null);
    else if (filters.owner) query = query.where('c.owner_user_id', '=', filters.owner);
    if (filters.overdue) query = query.where('c.due_on', '<', dates.today).where('c.responded_on', 'is', null);
    if (filters.dueWithinDays !== undefined && dates.council.dueWithinBefore && dates.foi.dueWithinBefore) {
      query = query
        .where('c.due_on', '>=', dates.today)
        .where('c.responded_on', 'is', null)
        .where(sql<SqlBool>`c.due_on < (case when c.type = 'foi_request' then ${dates.foi.dueWithinBefore} else ${dates.council.dueWithinBefore} end)::date`);
    }
    if (filters.rag) query = query.where(sql<SqlBool>`(${rag}) = ${filters.rag}`);
    return query;
  }

  type Selected = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
  const toRow = (r: Selected): TrackerRow => ({
    id: r.id,
    reference: r.reference,
    type: r.type as CaseType,
    stage: r.stage as Stage | null,
    status: r.status as CaseStatus,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    respondedOn: r.responded_on,
    deadlineStatus: r.deadline_status,
    rag: r.rag,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name,
    divisionName: r.division_name,
    serviceName: r.service_name,
    mayShare: r.may_share,
  });

  return {
    async list(input: { filters: TrackerFilters; sort: TrackerSort; cursor: string | null; limit: number; scope: TrackerScope; dates: TrackerDates; openOnly?: boolean }): Promise<TrackerPage> {
      const sort = SORTS[input.sort];
      let query = base(input.filters, input.dates, input.scope, { openOnly: input.openOnly ?? true });
      const cursor = decodeCursor(input.cursor);
      if (cursor) {
        const comparison = sort.direction === 'asc' ? sql.raw('>') : sql.raw('<');
        query = query.where(sql<SqlBool>`(${sql.ref(sort.column)}, c.id) ${comparison} (${cursor.v}::${sql.raw(sort.cast)}, ${cursor.id}::uuid)`);
      }
      const rows = await query
        .orderBy(sort.column, sort.direction)
        .orderBy('c.id', sort.direction)
        .limit(input.limit + 1)
        .execute();
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      const value = (r: Selected) => (sort.column === 'c.due_sort' ? r.due_sort : sort.column === 'c.received_on' ? r.received_on : r.reference);
      return { rows: page.map(toRow), nextCursor: rows.length > input.limit && last ? encodeCursor({ v: value(last), id: last.id }) : null };
    },

    /** The weekly management review: open cases by division and RAG state, and the oldest overdue. */
    async review(input: { scope: TrackerScope; dates: TrackerDates; oldest: number }) {
      const rag = ragExpression(input.dates);
      let counts = tx
        .selectFrom('cases as c')
        .leftJoin('divisions as d', 'd.id', 'c.division_id')
        .select(['c.division_id', 'd.name as division_name', rag.as('rag'), sql<number>`count(*)::int`.as('n')])
        .where(OPEN)
        .groupBy(['c.division_id', 'd.name', sql`3`]);
      const scoped = scopeCondition(input.scope);
      if (scoped) counts = counts.where(scoped);
      const rows = await counts.execute();
      const byDivision = new Map<string, { divisionId: string | null; divisionName: string | null; counts: Partial<Record<TrackerRag, number>>; total: number }>();
      for (const row of rows) {
        const key = row.division_id ?? '';
        const entry = byDivision.get(key) ?? { divisionId: row.division_id, divisionName: row.division_name, counts: {}, total: 0 };
        entry.counts[row.rag] = (entry.counts[row.rag] ?? 0) + row.n;
        entry.total += row.n;
        byDivision.set(key, entry);
      }
      const oldest = await this.list({ filters: { overdue: true }, sort: 'due_asc', cursor: null, limit: input.oldest, scope: input.scope, dates: input.dates });
      const divisions = [...byDivision.values()].sort((a, b) => (a.divisionName ?? '\uffff').localeCompare(b.divisionName ?? '\uffff'));
      return { divisions, oldestOverdue: oldest.rows };
    },

    /** New items waiting for triage (received, not yet acknowledged), oldest first. */
    async triageQueue(input: { cursor: string | null; limit: number; dates: TrackerDates }) {
      return this.list({ filters: { statuses: ['received'] }, sort: 'received_asc', cursor: input.cursor, limit: input.limit, scope: { kind: 'all' }, dates: input.dates });
    },

    /** A log of cases of some types (enquiries, compliments), newest first, open or not. */
    async log(input: { types: readonly CaseType[]; cursor: string | null; limit: number; dates: TrackerDates }) {
      return this.list({ filters: { types: input.types }, sort: 'received_desc', cursor: input.cursor, limit: input.limit, scope: { kind: 'all' }, dates: input.dates, openOnly: false });
    },
  };
}
