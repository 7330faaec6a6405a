import { jobsRepository, outboxRepository, type HeardDatabase, type ManagerGrant, type OpenDeadlineCase, type StaffContact } from '@heard/db';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '@heard/domain';
import type { TReminderItem, TReminderPayload } from '../templates/render';
import { loadCouncilRules } from './council-rules';
import { listStatementReminders } from './statement-reminders';

export type ReminderOptions = {
  councilId: string;
  /** The day the reminders are for (YYYY-MM-DD, UK): the clock is an input, so tests drive it. */
  today: string;
  /** Working days before a deadline on which the owner is reminded (default 3 and 1). */
  reminderDays?: readonly number[];
};

export type ReminderRun =
  | { status: 'not_a_working_day' }
  | { status: 'already_ran' }
  | { status: 'done'; messages: number; items: number };

/**
 * The deadline reminders of one council for one day (rules.md: "Staff are
 * reminded before the deadline and chased when overdue"):
 *
 * - to the case owner N working days before each deadline (acknowledgement,
 *   response), on the day itself, and every working day once it is overdue;
 * - once overdue, the owner's managers are copied: the service managers
 *   whose grant covers the case's service or division (an owner who is one
 *   of them is not copied to themselves);
 * - a statutory Stage 2 accepted for investigation whose statement of
 *   complaint is still not agreed (it has no deadline yet, so nothing above
 *   catches it): on the policy's Nth working day after the acceptance (10
 *   by default) and every N after, until it is agreed (`statementReminderOn`).
 *   To the owner (the investigating officer, once appointed); from the
 *   second reminder on, with the managers copied as when overdue. A case
 *   with no owner yet goes to the complaints team, who accept requests and
 *   appoint the officer: the tracker is the only other place it shows;
 * - one email per person per day: a digest when several cases are due;
 * - nothing on a day that is not a working day of the council's calendar
 *   (weekends, its bank holidays, its closure days).
 *
 * All in one transaction with a `job_runs` row: a retried or repeated run
 * of the same day adds nothing, and a crash half-way leaves nothing half-done.
 * Each message's idempotency key is `reminders:<person>:<day>`; its items
 * each carry the case, the deadline kind and the due date.
 */
export async function runReminders(database: HeardDatabase, options: ReminderOptions): Promise<ReminderRun> {
  const reminderDays = [...new Set(options.reminderDays ?? [3, 1])].sort((a, b) => b - a);
  const { today, councilId } = options;
  return database.withCouncil(councilId, async (tx) => {
    const { rules, rulesFor } = await loadCouncilRules(tx, councilId, today);
    const calendar = rules.calendars.council;
    if (!isWorkingDay(calendar, today)) return { status: 'not_a_working_day' } as const;
    const jobs = jobsRepository(tx);
    if (await jobs.hasRun('reminders', today)) return { status: 'already_ran' } as const;

    // Deadlines within the furthest reminder: `due` is at most that many working days away.
    const horizon = addWorkingDays(calendar, today, reminderDays[0] ?? 0);
    const cases = await jobs.listOpenDeadlines(horizon);
    const awaitingStatement = await listStatementReminders(tx, { today, rulesFor });
    const managers = await jobs.listRoleHolders('service_manager');
    const ownerIds = [...cases, ...awaitingStatement].map((c) => c.ownerUserId).filter((id): id is string => id !== null);
    const owners = await jobs.listActiveStaff([...new Set(ownerIds)]);
    const ownersById = new Map(owners.map((o) => [o.id, o]));

    const byRecipient = new Map<string, { contact: StaffContact; items: TReminderItem[] }>();
    const add = (contact: StaffContact, item: TReminderItem) => {
      const entry = byRecipient.get(contact.id) ?? { contact, items: [] };
      entry.items.push(item);
      byRecipient.set(contact.id, entry);
    };
    for (const c of cases) {
      const owner = c.ownerUserId ? ownersById.get(c.ownerUserId) : undefined;
      if (!owner) continue; // unassigned cases are chased in the weekly digest and the tracker
      for (const deadline of deadlinesOf(c)) {
        const state = reminderState(calendar, today, deadline.dueOn, reminderDays);
        if (!state) continue;
        const item: TReminderItem = { caseId: c.id, reference: c.reference, type: c.type, deadline: deadline.kind, dueOn: deadline.dueOn, ...state, copyOfOwner: null };
        add(owner, item);
        if (state.state === 'overdue') {
          for (const manager of managersOf(c, managers)) {
            if (manager.id !== owner.id) add(manager, { ...item, copyOfOwner: owner.displayName });
          }
        }
      }
    }

    let complaintsTeam: StaffContact[] | undefined;
    for (const c of awaitingStatement) {
      const { reminder } = c;
      const item: TReminderItem = {
        caseId: c.id,
        reference: c.reference,
        type: c.type,
        deadline: 'statement',
        dueOn: reminder.targetOn,
        state: 'awaiting_statement',
        workingDays: reminder.workingDays,
        acceptedOn: reminder.acceptedOn,
        copyOfOwner: null,
      };
      const owner = c.ownerUserId ? ownersById.get(c.ownerUserId) : undefined;
      if (!owner) {
        complaintsTeam ??= uniqueContacts(await jobs.listRoleHolders('complaints_officer'));
        for (const officer of complaintsTeam) add(officer, item);
        continue;
      }
      add(owner, item);
      if (reminder.count > 1) {
        for (const manager of managersOf(c, managers)) {
          if (manager.id !== owner.id) add(manager, { ...item, copyOfOwner: owner.displayName });
        }
      }
    }

    const outbox = outboxRepository(tx);
    let messages = 0;
    let items = 0;
    for (const { contact, items: list } of [...byRecipient.values()].sort((a, b) => a.contact.email.localeCompare(b.contact.email))) {
      const payload: TReminderPayload = { name: contact.displayName, today, items: list };
      const queued = await outbox.queue({
        councilId,
        caseId: list.length === 1 ? list[0]!.caseId : null,
        channel: 'email',
        recipient: contact.email,
        template: 'reminder',
        language: contact.language,
        payload,
        idempotencyKey: `reminders:${contact.id}:${today}`,
      });
      if (queued) {
        messages += 1;
        items += list.length;
      }
    }
    await jobs.recordRun(councilId, 'reminders', today, { messages, items });
    return { status: 'done', messages, items } as const;
  });
}

function deadlinesOf(c: OpenDeadlineCase): Array<{ kind: 'acknowledgement' | 'response'; dueOn: string }> {
  const list: Array<{ kind: 'acknowledgement' | 'response'; dueOn: string }> = [];
  if (c.acknowledgementDueOn) list.push({ kind: 'acknowledgement', dueOn: c.acknowledgementDueOn });
  if (c.dueOn) list.push({ kind: 'response', dueOn: c.dueOn });
  return list;
}

/**
 * Which reminder, if any, a deadline gets today: `due_in` N working days
 * (N one of `reminderDays`), `due_today` (no working day left before it:
 * the deadline day, or the last working day before a deadline that falls
 * on a non-working day), `overdue` (every working day after it).
 */
export function reminderState(
  calendar: Parameters<typeof workingDaysBetween>[0],
  today: string,
  dueOn: string,
  reminderDays: readonly number[],
): Pick<TReminderItem, 'state' | 'workingDays'> | null {
  if (today > dueOn) return { state: 'overdue', workingDays: workingDaysBetween(calendar, dueOn, today) };
  const left = workingDaysBetween(calendar, today, dueOn);
  if (left === 0) return { state: 'due_today', workingDays: 0 };
  return reminderDays.includes(left) ? { state: 'due_in', workingDays: left } : null;
}

function uniqueContacts(grants: readonly ManagerGrant[]): StaffContact[] {
  const found = new Map<string, StaffContact>();
  for (const g of grants) found.set(g.id, { id: g.id, email: g.email, displayName: g.displayName, language: g.language });
  return [...found.values()];
}

function managersOf(c: Pick<OpenDeadlineCase, 'divisionId' | 'serviceId'>, managers: readonly ManagerGrant[]): StaffContact[] {
  const found = new Map<string, StaffContact>();
  for (const m of managers) {
    const covers = (m.serviceId !== null && m.serviceId === c.serviceId) || (m.divisionId !== null && m.divisionId === c.divisionId);
    if (covers) found.set(m.id, { id: m.id, email: m.email, displayName: m.displayName, language: m.language });
  }
  return [...found.values()];
}
