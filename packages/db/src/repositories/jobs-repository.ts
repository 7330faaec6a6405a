import { sql } from 'kysely';
import type { Tx } from '../client';

/** An open case with a deadline still to meet, as the reminders see it. */
export type OpenDeadlineCase = {
  id: string;
  reference: string;
  type: string;
  ownerUserId: string | null;
  divisionId: string | null;
  serviceId: string | null;
  acknowledgementDueOn: string | null;
  dueOn: string | null;
};

export type StaffContact = { id: string; email: string; displayName: string; language: 'en' | 'cy' };
export type ManagerGrant = StaffContact & { divisionId: string | null; serviceId: string | null };

/** Open cases: not finished, not on hold (a paused case is not chased). */
const CHASED_STATUSES = ['received', 'acknowledged', 'in_progress'] as const;

/**
 * What the scheduled jobs read and record for one council (reminders,
 * digest): bound to a transaction with that council selected.
 */
export function jobsRepository(tx: Tx) {
  return {
    /** Open cases with an unmet deadline on or before `until` (YYYY-MM-DD): overdue ones included. */
    async listOpenDeadlines(until: string): Promise<OpenDeadlineCase[]> {
      const rows = await tx
        .selectFrom('cases')
        .select(['id', 'reference', 'type', 'owner_user_id', 'division_id', 'service_id', 'acknowledgement_due_on', 'acknowledged_on', 'due_on', 'responded_on'])
        .where('status', 'in', CHASED_STATUSES)
        .where((eb) =>
          eb.or([
            eb.and([eb('acknowledged_on', 'is', null), eb('acknowledgement_due_on', '<=', until)]),
            eb.and([eb('responded_on', 'is', null), eb('due_on', '<=', until)]),
          ]),
        )
        .orderBy('reference')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        type: r.type,
        ownerUserId: r.owner_user_id,
        divisionId: r.division_id,
        serviceId: r.service_id,
        acknowledgementDueOn: r.acknowledged_on === null ? r.acknowledgement_due_on : null,
        dueOn: r.responded_on === null ? r.due_on : null,
      }));
    },

    /**
     * Open statutory Stage 2 complaints with no response deadline yet: the
     * ones whose clock may be waiting for the agreed statement of complaint
     * (the lifecycle says whether it is).
     */
    async listAwaitingStatement(): Promise<string[]> {
      const rows = await tx
        .selectFrom('cases')
        .select('id')
        .where('type', '=', 'children_act_complaint')
        .where('stage', '=', '2')
        .where('status', 'in', CHASED_STATUSES)
        .where('due_on', 'is', null)
        .orderBy('reference')
        .execute();
      return rows.map((r) => r.id);
    },

    async listActiveStaff(ids: readonly string[]): Promise<StaffContact[]> {
      if (ids.length === 0) return [];
      const rows = await tx.selectFrom('users').select(['id', 'email', 'display_name', 'language']).where('id', 'in', ids).where('active', '=', true).execute();
      return rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name, language: r.language }));
    },

    /** Active staff holding a role, with the division or service it is scoped to. */
    async listRoleHolders(role: string): Promise<ManagerGrant[]> {
      const rows = await tx
        .selectFrom('user_roles as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select(['u.id', 'u.email', 'u.display_name', 'u.language', 'r.division_id', 'r.service_id'])
        .where('r.role', '=', role)
        .where('u.active', '=', true)
        .orderBy('u.email')
        .execute();
      return rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name, language: r.language, divisionId: r.division_id, serviceId: r.service_id }));
    },

    /** Records a run of a daily job; false when it had already run that day. */
    async recordRun(councilId: string, job: 'reminders' | 'digest' | 'retention', runOn: string, summary: Record<string, unknown>): Promise<boolean> {
      const row = await tx
        .insertInto('job_runs')
        .values({ council_id: councilId, job, run_on: runOn, summary: JSON.stringify(summary) })
        .onConflict((oc) => oc.columns(['council_id', 'job', 'run_on']).doNothing())
        .returning('run_on')
        .executeTakeFirst();
      return row !== undefined;
    },

    async hasRun(job: 'reminders' | 'digest' | 'retention', runOn: string): Promise<boolean> {
      const row = await tx.selectFrom('job_runs').select('run_on').where('job', '=', job).where('run_on', '=', runOn).executeTakeFirst();
      return row !== undefined;
    },

    async lastRuns(): Promise<Array<{ job: string; runOn: string; finishedAt: Date; summary: Record<string, unknown> }>> {
      const rows = await tx
        .selectFrom('job_runs')
        .select(['job', 'run_on', 'finished_at', 'summary'])
        .distinctOn('job')
        .orderBy('job')
        .orderBy('run_on', 'desc')
        .execute();
      return rows.map((r) => ({ job: r.job, runOn: r.run_on, finishedAt: r.finished_at, summary: r.summary }));
    },

    // -- The weekly digest -------------------------------------------------------

    /** Open cases by division and RAG, from the boundaries the domain computed. */
    async countOpenByDivisionAndRag(today: string, amberBefore: string): Promise<Array<{ division: string | null; red: number; amber: number; green: number; none: number; total: number }>> {
      const rows = await tx
        .selectFrom('cases as c')
        .leftJoin('divisions as d', 'd.id', 'c.division_id')
        .select([
          'd.name as division',
          sql<number>`count(*) filter (where c.due_on < ${today} and c.responded_on is null)::int`.as('red'),
          sql<number>`count(*) filter (where c.due_on >= ${today} and c.due_on < ${amberBefore} and c.responded_on is null)::int`.as('amber'),
          sql<number>`count(*) filter (where c.due_on >= ${amberBefore} and c.responded_on is null)::int`.as('green'),
          sql<number>`count(*) filter (where c.due_on is null or c.responded_on is not null)::int`.as('none'),
          sql<number>`count(*)::int`.as('total'),
        ])
        .where('c.status', 'not in', ['closed', 'withdrawn', 'out_of_remit'])
        .groupBy('d.name')
        .orderBy(sql`d.name is null`)
        .orderBy('d.name')
        .execute();
      return rows;
    },

    /** Open, unanswered cases due in [from, to] (dates), soonest first, at most `limit`, and how many in all. */
    async listDueBetween(from: string | null, to: string, limit: number): Promise<{ total: number; cases: Array<{ reference: string; type: string; division: string | null; owner: string | null; dueOn: string }> }> {
      let base = tx
        .selectFrom('cases as c')
        .where('c.status', 'not in', ['closed', 'withdrawn', 'out_of_remit'])
        .where('c.responded_on', 'is', null)
        .where('c.due_on', 'is not', null)
        .where('c.due_on', '<=', to);
      if (from) base = base.where('c.due_on', '>=', from);
      const [count, rows] = await Promise.all([
        base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
        base
          .leftJoin('divisions as d', 'd.id', 'c.division_id')
          .leftJoin('users as u', 'u.id', 'c.owner_user_id')
          .select(['c.reference', 'c.type', 'd.name as division', 'u.display_name as owner', 'c.due_on'])
          .orderBy('c.due_on')
          .orderBy('c.reference')
          .limit(limit)
          .execute(),
      ]);
      return { total: count.n, cases: rows.map((r) => ({ reference: r.reference, type: r.type, division: r.division, owner: r.owner, dueOn: r.due_on! })) };
    },

    /** Cases received, and answered (on time: on or before the deadline), from `from` to `to`. */
    async quarterFigures(from: string, to: string): Promise<{ received: number; responded: number; onTime: number }> {
      const row = await tx
        .selectFrom('cases')
        .select([
          sql<number>`count(*) filter (where received_on between ${from} and ${to})::int`.as('received'),
          sql<number>`count(*) filter (where responded_on between ${from} and ${to})::int`.as('responded'),
          sql<number>`count(*) filter (where responded_on between ${from} and ${to} and due_on is not null and responded_on <= due_on)::int`.as('on_time'),
        ])
        .where((eb) => eb.or([eb('received_on', '>=', from), eb('responded_on', '>=', from)]))
        .executeTakeFirstOrThrow();
      return { received: row.received, responded: row.responded, onTime: row.on_time };
    },
  };
}
