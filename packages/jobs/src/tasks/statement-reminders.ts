import { caseworkRepository, trackerRepository, type OpenDeadlineCase, type TrackerDates, type Tx } from '@heard/db';
import { addWorkingDays, statementReminderOn, type CaseRules, type StatementReminder } from '@heard/domain';

/** A statutory Stage 2 case whose "awaiting agreed statement" reminder falls today: who it reaches, as for the deadline reminders. */
export type StatementReminderCase = Pick<OpenDeadlineCase, 'id' | 'reference' | 'type' | 'ownerUserId' | 'divisionId' | 'serviceId'> & {
  reminder: StatementReminder;
};

const PAGE = 200;

/**
 * The cases to remind today that their written statement of complaint is
 * still not agreed (rules.md, regulations 16-17). The candidates are the
 * open Stage 2 Children Act complaints with no deadline yet, read a page at
 * a time through the tracker's query; each is then read as the API reads it
 * (its lifecycle state) and the domain decides, under the policy the case
 * keeps for life, whether today is its reminder day (`statementReminderOn`).
 * They are few (a statutory Stage 2 is rare), so one read each is cheap.
 */
export async function listStatementReminders(
  tx: Tx,
  options: { today: string; rules: CaseRules; rulesFor: (policyDate: string) => CaseRules },
): Promise<StatementReminderCase[]> {
  const { today, rules } = options;
  // The tracker computes a RAG column from these; only its filters matter here.
  const amber = rules.policy.amberWithinWorkingDays + 1;
  const dates: TrackerDates = {
    today,
    council: { amberBefore: addWorkingDays(rules.calendars.council, today, amber) },
    foi: { amberBefore: addWorkingDays(rules.calendars.foi, today, amber) },
  };
  const tracker = trackerRepository(tx);
  const cases = caseworkRepository(tx);
  const found: StatementReminderCase[] = [];
  let cursor: string | null = null;
  do {
    const page = await tracker.list({
      filters: { types: ['children_act_complaint'], stages: ['2'], statuses: ['received', 'acknowledged', 'in_progress'] },
      sort: 'reference_asc',
      cursor,
      limit: PAGE,
      scope: { kind: 'all' },
      dates,
    });
    for (const row of page.rows) {
      // A due date means the statement is agreed (or the council's clock does not wait for it).
      if (row.dueOn !== null) continue;
      const record = await cases.findById(row.id);
      if (!record) continue;
      const reminder = statementReminderOn(record.state, today, options.rulesFor(record.state.policyDate));
      if (!reminder) continue;
      found.push({
        id: record.id,
        reference: record.reference,
        type: record.type,
        ownerUserId: record.ownerUserId,
        divisionId: record.divisionId,
        serviceId: record.serviceId,
        reminder,
      });
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return found;
}
