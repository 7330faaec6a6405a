import { outboxRepository } from '@heard/db';
import { createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROLES, makeCallers, refusal, setUpCouncil, type TestCouncil } from '../casework/test-kit';

/** "Sent messages": complaints officers and administrators read the outbox; nobody else; reads are audited. */
let database: TestDatabase;
let council: TestCouncil;
const clock = new Date('2025-07-09T10:00:00Z');
let callers: ReturnType<typeof makeCallers>;

beforeAll(async () => {
  database = await createTestDatabase();
  council = await setUpCouncil(database, 'messages', clock);
  callers = makeCallers(database, () => clock);
  // One transaction each, so that they are queued at distinct instants.
  for (let i = 0; i < 3; i += 1) {
    await database.withCouncil(council.id, (tx) =>
      outboxRepository(tx).queue({
        councilId: council.id,
        caseId: null,
        channel: 'email',
        recipient: `person${i}@example.com`,
        template: 'tracking_code',
        language: 'en',
        payload: { code: '123456' },
        idempotencyKey: `messages-test:${i}`,
      }),
    );
  }
});
afterAll(() => database.destroy());

describe('staff.messages', () => {
  it('lists the outbox newest first, in keyset pages, with counts by status', async () => {
    const caller = await callers.asUser(council, council.users.complaints_officer);
    const first = await caller.staff.messages.list({ limit: 2 });
    expect(first.rows.map((r) => r.recipient)).toEqual(['person2@example.com', 'person1@example.com']);
    expect(first.counts.pending).toBe(3);
    const second = await caller.staff.messages.list({ limit: 2, before: first.next! });
    expect(second.rows.map((r) => r.recipient)).toEqual(['person0@example.com']);
    expect(second.next).toBeNull();
    const one = await caller.staff.messages.get({ id: second.rows[0]!.id });
    expect(one).toMatchObject({ template: 'tracking_code', status: 'pending', idempotencyKey: 'messages-test:0' });
    const audit = await database.db.selectFrom('audit_log').select('detail').where('council_id', '=', council.id).where('detail', 'like', 'staff.messages.%').execute();
    expect(audit.map((a) => a.detail).sort()).toEqual(['staff.messages.get', 'staff.messages.list', 'staff.messages.list']);
  });

  it('filters by status and by channel, and shows a message being handed to its provider with its attempts and last error', async () => {
    const sms = await database.withCouncil(council.id, async (tx) => {
      await outboxRepository(tx).queue({
        councilId: council.id,
        caseId: null,
        channel: 'sms',
        recipient: '07700900982',
        template: 'tracking_code',
        language: 'cy',
        payload: { code: '654321' },
        idempotencyKey: 'messages-test:sms',
      });
      return tx.selectFrom('outbox_messages').select('id').where('idempotency_key', '=', 'messages-test:sms').executeTakeFirstOrThrow();
    });
    // A worker claimed it, tried once and failed, then claimed it again and handed it over.
    await database.db
      .updateTable('outbox_messages')
      .set({ status: 'sending', attempts: 2, claimed_by: 'worker-a', handed_at: new Date('2025-07-09T10:00:01Z'), last_error: 'Error: connection reset' })
      .where('id', '=', sms.id)
      .execute();
    const caller = await callers.asUser(council, council.users.administrator);
    const texts = await caller.staff.messages.list({ channel: 'sms' });
    expect(texts.rows.map((r) => [r.recipient, r.status, r.attempts])).toEqual([['07700900982', 'sending', 2]]);
    expect(texts.rows[0]!.handedAt).toEqual(new Date('2025-07-09T10:00:01Z'));
    expect((await caller.staff.messages.list({ channel: 'email' })).rows.map((r) => r.recipient)).toEqual(['person2@example.com', 'person1@example.com', 'person0@example.com']);
    expect((await caller.staff.messages.list({ status: 'sending', channel: 'email' })).rows).toEqual([]);
    expect((await caller.staff.messages.list({ status: 'pending' })).rows).toHaveLength(3);
    const one = await caller.staff.messages.get({ id: sms.id });
    expect(one).toMatchObject({ channel: 'sms', language: 'cy', status: 'sending', attempts: 2, lastError: 'Error: connection reset', handedAt: new Date('2025-07-09T10:00:01Z') });
    expect(one.nextAttemptAt).toBeInstanceOf(Date);
    expect((await refusal(caller.staff.messages.list({ channel: 'fax' as never }))).status).toBe(400);
  });

  it('is refused to every other role', async () => {
    for (const role of ALL_ROLES) {
      const caller = await callers.asUser(council, council.users[role]);
      if (role === 'complaints_officer' || role === 'administrator') {
        await expect(caller.staff.messages.list({})).resolves.toBeDefined();
      } else {
        expect((await refusal(caller.staff.messages.list({}))).status, role).toBe(403);
      }
    }
  });
});
