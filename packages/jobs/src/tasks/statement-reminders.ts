import { caseworkRepository, jobsRepository, type OpenDeadlineCase, type Tx } from '@heard/db';
import { statementReminderOn, type CaseRules, type StatementReminder } from '@heard/domain';

/** A statutory Stage 2 case whose "awaiting agreed statement" reminder falls today: who it reaches, as for the deadline reminders. */
export type StatementReminderCase = Pick<OpenDeadlineCase, 'id' | 'reference' | 'type' | 'ownerUserId' | 'divisionId' | 'serviceId'> & {
  reminder: StatementReminder;
};

/**
 * The cases to remind today that their written statement of complaint is
 * still not agreed (rules.md, regulations 16-17): the open Stage 2 Children
 * Act complaints with no deadline yet, each read as the API reads it (its
 * lifecycle state), and the domain decides, under the policy the case keeps
 * for life, whether today is its reminder day (`statementReminderOn`). They
 * are few (a statutory Stage 2 is rare), so one read each is cheap.
 */
export async function listStatementReminders(
  tx: Tx,
  options: { today: string; rulesFor: (policyDate: string) => CaseRules },
): Promise<StatementReminderCase[]> {
  const cases = caseworkRepository(tx);
  const found: StatementReminderCase[] = [];
  for (const id of await jobsRepository(tx).listAwaitingStatement()) {
    const record = await cases.findById(id);
    if (!record) continue;
    const reminder = statementReminderOn(record.state, options.today, options.rulesFor(record.state.policyDate));
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
  return found;
}
