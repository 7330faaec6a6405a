import { createCase, createCouncil, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRetention, runRetention } from '../src/index';

/**
 * Retention on 2024-06-15 with the default 6 years: a case closed on
 * 2018-06-15 reaches its retention date today and is kept; one closed on
 * 2018-06-14 is past it and is anonymised; one past it under a legal hold is
 * kept. The report figures (counted by SQL) are the same before and after.
 */
let database: TestDatabase;
let councilId: string;
const TODAY = '2024-06-15';
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  councilId = (await createCouncil(database)).id;
  const division = await database.db.insertInto('divisions').values({ council_id: councilId, name: 'Children’s Social Care', name_cy: null }).returning('id').executeTakeFirstOrThrow();
  const closed = { status: 'closed', received_on: '2018-05-01', due_on: '2018-05-15', responded_on: '2018-05-14', outcome: 'partly_upheld', division_id: division.id, details: 'My son Sam was not picked up', summary: 'Transport', remedy: 'Apology to Mrs Jones' } as const;
  for (const [name, closedOn, hold] of [['inside', '2018-06-15', false], ['past', '2018-06-14', false], ['held', '2017-01-01', true]] as const) {
    const c = await createCase(database, councilId, { ...closed, reference: `RET-${name.toUpperCase()}`, closed_on: closedOn, legal_hold: hold });
    ids[name] = c.id;
    await database.db.insertInto('case_people').values({ council_id: councilId, case_id: c.id, role: 'complainant', name: 'Jo Jones', email: `jo.${name}@example.com`, phone: '07700900123', address: '1 High Street', language: 'en' } as never).execute();
    await database.db.insertInto('case_events').values({ council_id: councilId, case_id: c.id, type: 'responded', payload: JSON.stringify({ outcome: 'partly_upheld', respondedOn: '2018-05-14', note: 'Called Mrs Jones at home', letter: 'Dear Mrs Jones' }), actor_user_id: null, actor_label: 'staff' }).execute();
    await sql`insert into outbox_messages (council_id, case_id, channel, recipient, template, language, payload, idempotency_key)
      values (${councilId}, ${c.id}, 'email', ${`jo.${name}@example.com`}, 'acknowledgement', 'en', '{"reference":"x"}', ${`ack:${c.id}`})`.execute(database.db);
    const attachment = await sql<{ id: string }>`insert into attachments (council_id, case_id, file_name, content_type, size_bytes, sha256, source)
      values (${councilId}, ${c.id}, 'letter.pdf', 'application/pdf', 3, 'abc', 'submission') returning id`.execute(database.db);
    await sql`insert into attachment_contents (attachment_id, council_id, content) values (${attachment.rows[0]!.id}, ${councilId}, '\\x010203'::bytea)`.execute(database.db);
  }
});
afterAll(async () => {
  await database?.destroy();
});

/** What the statutory report counts, by SQL: by type, quarter, outcome, division, timeliness. */
async function reportFigures() {
  const rows = await sql<Record<string, unknown>>`
    select c.type, c.stage, c.outcome, d.name as division, date_trunc('quarter', c.received_on)::date as quarter,
      count(*)::int as n, count(*) filter (where c.responded_on <= c.due_on)::int as on_time, bool_or(c.advocate_supported) as advocacy
    from cases c left join divisions d on d.id = c.division_id
    where c.council_id = ${councilId}
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`.execute(database.db);
  return rows.rows;
}

describe('retention', () => {
  it('lists first (a dry run changes nothing): only the case past its date, and the held one apart', async () => {
    const dry = await runRetention(database, { councilId, today: TODAY, dryRun: true });
    expect(dry.due.map((c) => c.reference)).toEqual(['RET-PAST']);
    expect(dry.due[0]!.retainUntil).toBe('2024-06-14');
    expect(dry.held.map((c) => c.reference)).toEqual(['RET-HELD']);
    expect(dry.anonymised).toEqual([]);
    const still = await sql<{ n: number }>`select count(*)::int as n from cases where anonymised_at is not null and council_id = ${councilId}`.execute(database.db);
    expect(still.rows[0]!.n).toBe(0);
  });

  it('anonymises the case past its date, keeps the others, and leaves the report figures unchanged', async () => {
    const before = await reportFigures();
    const run = await runRetention(database, { councilId, today: TODAY });
    expect(run.anonymised).toEqual([ids.past]);
    expect(await reportFigures()).toEqual(before);

    const cases = await sql<{ reference: string; details: string | null; remedy: string | null; anonymised: boolean; received_on: string; outcome: string }>`
      select reference, details, remedy, anonymised_at is not null as anonymised, received_on, outcome from cases where council_id = ${councilId} order by reference`.execute(database.db);
    expect(cases.rows).toEqual([
      { reference: 'RET-HELD', details: 'My son Sam was not picked up', remedy: 'Apology to Mrs Jones', anonymised: false, received_on: '2018-05-01', outcome: 'partly_upheld' },
      { reference: 'RET-INSIDE', details: 'My son Sam was not picked up', remedy: 'Apology to Mrs Jones', anonymised: false, received_on: '2018-05-01', outcome: 'partly_upheld' },
      { reference: 'RET-PAST', details: null, remedy: null, anonymised: true, received_on: '2018-05-01', outcome: 'partly_upheld' },
    ]);
    const people = await sql<{ case_id: string; name: string | null; email: string | null; phone: string | null; address: string | null; role: string }>`
      select case_id, name, email, phone, address, role from case_people where council_id = ${councilId}`.execute(database.db);
    expect(people.rows.find((p) => p.case_id === ids.past)).toMatchObject({ name: null, email: null, phone: null, address: null, role: 'complainant' });
    expect(people.rows.find((p) => p.case_id === ids.inside)).toMatchObject({ name: 'Jo Jones', email: 'jo.inside@example.com' });
    const events = await sql<{ type: string; payload: Record<string, unknown> }>`select type, payload from case_events where case_id = ${ids.past} order by id`.execute(database.db);
    expect(events.rows).toEqual([
      { type: 'responded', payload: { outcome: 'partly_upheld', respondedOn: '2018-05-14' } },
      { type: 'anonymised', payload: {} },
    ]);
    const documents = await sql<{ case_id: string }>`select case_id from attachments where council_id = ${councilId}`.execute(database.db);
    expect(documents.rows.map((d) => d.case_id).sort()).toEqual([ids.held, ids.inside].sort());
    const messages = await sql<{ case_id: string; recipient: string }>`select case_id, recipient from outbox_messages where case_id = ${ids.past}`.execute(database.db);
    expect(messages.rows).toEqual([{ case_id: ids.past, recipient: 'anonymised' }]);
  });

  it('never anonymises a case under a legal hold, and anonymises it once the hold is lifted', async () => {
    // The next day the case that was just inside has passed its date too.
    expect((await runRetention(database, { councilId, today: '2024-06-16' })).anonymised).toEqual([ids.inside]);
    const held = await sql<{ anonymised: boolean }>`select anonymised_at is not null as anonymised from cases where id = ${ids.held}`.execute(database.db);
    expect(held.rows[0]!.anonymised).toBe(false);
    await sql`update cases set legal_hold = false where id = ${ids.held}`.execute(database.db);
    const listing = await listRetention(database, { councilId, today: '2024-06-17' });
    expect(listing.due.map((c) => c.reference)).toEqual(['RET-HELD']);
    expect(listing.held).toEqual([]);
  });
});
