import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index';
import { DEMO_ACKNOWLEDGEMENTS } from './demo-messages';
import { loadDemo } from './demo';

/** The demo council starts with the acknowledgements of its newest cases in the outbox, and nothing else changes. */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

describe('the demo council’s acknowledgements', () => {
  it('queues one for each of the newest cases with an email address, to that address, in the person’s language, once', async () => {
    const demo = await loadDemo(database, { hashPassword: async () => 'not-a-real-hash', cases: 40, asOf: '2025-07-09' });
    const messages = await database.db
      .selectFrom('outbox_messages as m')
      .innerJoin('cases as c', 'c.id', 'm.case_id')
      .select([
        'm.recipient',
        'm.template',
        'm.channel',
        'm.language',
        'm.status',
        'm.idempotency_key',
        'm.payload',
        'c.id',
        'c.reference',
        'c.received_on',
        'c.language as case_language',
      ])
      .where('m.council_id', '=', demo.councilId)
      .execute();
    expect(messages).toHaveLength(DEMO_ACKNOWLEDGEMENTS);
    const withEmail = await database.db
      .selectFrom('cases as c')
      .select(['c.id'])
      .where('c.council_id', '=', demo.councilId)
      .where((eb) =>
        eb.exists(eb.selectFrom('case_people as p').select('p.id').whereRef('p.case_id', '=', 'c.id').where('p.email', 'is not', null)),
      )
      .orderBy('c.received_on', 'desc')
      .orderBy('c.id', 'desc')
      .limit(DEMO_ACKNOWLEDGEMENTS)
      .execute();
    expect(messages.map((m) => m.id).sort()).toEqual(withEmail.map((c) => c.id).sort());
    for (const message of messages) {
      const person = await database.db
        .selectFrom('case_people')
        .select(['email', 'language'])
        .where('case_id', '=', message.id)
        .where('email', 'is not', null)
        .orderBy('created_at')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      expect(message).toMatchObject({
        recipient: person.email,
        template: 'acknowledgement',
        channel: 'email',
        status: 'pending',
        idempotency_key: `acknowledgement:${message.id}`,
        language: person.language ?? message.case_language,
      });
      expect(message.payload).toMatchObject({ reference: message.reference, receivedOn: message.received_on });
    }
    expect(await loadDemo(database, { hashPassword: async () => 'x', cases: 40 })).toMatchObject({ created: false });
    const count = await database.db
      .selectFrom('outbox_messages')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(DEMO_ACKNOWLEDGEMENTS);
  });
});
