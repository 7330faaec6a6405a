import { sql } from 'kysely';
import type { CaseStatus, CaseType } from '@heard/domain';
import type { Tx } from '../client';

export type CaseCounts = {
  open: number;
  overdue: number;
  byType: Partial<Record<CaseType, number>>;
};

/** Statuses after which a case no longer needs work. */
export const FINISHED_STATUSES: readonly CaseStatus[] = ['closed', 'withdrawn', 'out_of_remit'];

/** Cases of the council selected for the transaction (row-level security does the selecting). */
export function caseRepository(tx: Tx) {
  return {
    /** Open cases by type and how many are past their due date on `today` ('YYYY-MM-DD'). */
    async countOpen(today: string): Promise<CaseCounts> {
      const rows = await tx
        .selectFrom('cases')
        .select(['type', sql<number>`count(*)::int`.as('open'), sql<number>`count(*) filter (where due_on < ${today} and responded_on is null)::int`.as('overdue')])
        .where('status', 'not in', FINISHED_STATUSES)
        .groupBy('type')
        .execute();
      const byType: Partial<Record<CaseType, number>> = {};
      let open = 0;
      let overdue = 0;
      for (const row of rows) {
        byType[row.type as CaseType] = row.open;
        open += row.open;
        overdue += row.overdue;
      }
      return { open, overdue, byType };
    },
  };
}
