/**
 * Helpers for the public procedures' database tests: a caller for a
 * request, the messages in the outbox, counts of rows, and what staff do
 * until the back-office records responses itself (the same lifecycle
 * transitions, applied to the case row).
 */
import { caseworkRepository, trackingRepository, type HeardDatabase } from '@heard/db';
import { transitionCase, toUkDate } from '@heard/domain';
import { describeApiError, type ApiErrorDescription } from '../../errors';
import { createApi, SESSION_COOKIE } from '../../server';
import { deadlineColumns, rulesFor } from './lib/rules';

export type Clock = { now: Date };

export function callerFactory(database: HeardDatabase, clock: Clock, host = 'portal.example') {
  const api = createApi({ database, now: () => clock.now });
  return (options: { token?: string | null; ip?: string; language?: 'en' | 'cy' } = {}) =>
    api.getCaller(new Request(`http://${host}/`, options.token ? { headers: { cookie: `${SESSION_COOKIE}=${options.token}` } } : {}), {
      ip: options.ip ?? '192.0.2.1',
      language: options.language ?? 'en',
    });
}

/** The refusal a call ends in, as the apps see it; fails the test when the call succeeds. */
export async function refusal(promise: Promise<unknown>): Promise<ApiErrorDescription> {
  try {
    await promise;
  } catch (error) {
    return describeApiError(error);
  }
  throw new Error('expected the call to be refused');
}

export async function countRows(database: HeardDatabase, table: 'cases' | 'case_events' | 'case_people' | 'outbox_messages' | 'drafts' | 'attachments' | 'sessions' | 'users' | 'access_codes' | 'idempotency_keys'): Promise<number> {
  const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everything that a refused call must not have changed. */
export async function snapshot(database: HeardDatabase) {
  const tables = ['cases', 'case_events', 'case_people', 'outbox_messages', 'drafts', 'attachments', 'sessions', 'users', 'access_codes', 'idempotency_keys'] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await countRows(database, table);
  return counts;
}

/** The newest outbox message of a template (to an address, if given). */
export async function latestMessage(database: HeardDatabase, template: string, recipient?: string) {
  let query = database.db.selectFrom('outbox_messages').selectAll().where('template', '=', template);
  if (recipient) query = query.where('recipient', '=', recipient);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

/**
 * What a complaints officer does until the back-office issue lands:
 * acknowledge, then record the response (a finding per point), through the
 * domain's lifecycle, with the response letter queued to the person.
 */
export async function recordStaffResponse(database: HeardDatabase, councilId: string, reference: string, on: Date): Promise<void> {
  await database.withCouncil(councilId, async (tx) => {
    const tracking = trackingRepository(tx);
    const caseId = await tracking.findCaseIdByReference(reference);
    if (!caseId) throw new Error(`no case ${reference}`);
    const casework = caseworkRepository(tx);
    // The points of the complaint, each with its finding (the back-office records them before responding).
    await casework.savePoints(caseId, councilId, [
      { summary: 'Visits were cancelled', finding: 'upheld' },
      { summary: 'Nobody called back', finding: 'not_upheld' },
    ]);
    const record = await casework.findById(caseId, { forUpdate: true });
    if (!record) throw new Error(`no case ${reference}`);
    const rules = await rulesFor({ tx, council: { id: councilId } as never }, record.state.policyDate);
    const today = toUkDate(on);
    let state = record.state;
    const events = [];
    const points = record.state.points.map((p) => ({ id: p.id, summary: p.summary, finding: p.finding }));
    for (const command of [{ type: 'acknowledge' }, { type: 'respond', points }]) {
      const result = transitionCase(state, command, today, rules);
      if (!result.ok) throw new Error(`staff ${command.type} refused: ${result.refusal.code}`);
      state = result.state;
      events.push(...result.events);
    }
    await casework.saveTransition(record, state, events, { actorUserId: null, actorLabel: 'staff', deadlines: deadlineColumns(state, rules), now: on });
    const contact = (await tracking.findContacts(caseId)).find((c) => c.email);
    if (contact?.email) {
      await tx
        .insertInto('outbox_messages')
        .values({ council_id: councilId, case_id: caseId, channel: 'email', recipient: contact.email, template: 'response_sent', language: 'en', payload: JSON.stringify({ reference, respondedOn: state.respondedOn }), idempotency_key: `response_sent:${caseId}` })
        .execute();
    }
  });
}
