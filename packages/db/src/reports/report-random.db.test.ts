import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_COLUMNS, classifyTimeliness, formatTimelinessCell, quarterOf, type CaseType } from '@heard/domain';
import { createCouncil, createTestDatabase, type TestDatabase } from '../testing/index';
import { reportRepository } from './report-repository';

/**
 * "Correct for any data": random cases (any dates, deadlines, answers and
 * closures, before and after asOf), whose report tables are checked against
 * a plain count of the same cases classified one by one by the domain's
 * `classifyTimeliness` (answered = responded, else closed).
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Made = { type: CaseType; stage: string | null; received: string; due: string | null; ackDue: string | null; responded: string | null; closed: string | null; acknowledged: string | null };

for (const seed of [1, 2, 3]) {
  describe(`random cases, seed ${seed}`, () => {
    it('cases by quarter, on time by quarter and acknowledged on time equal a case-by-case count', async () => {
      const next = random(seed);
      const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
      const maybe = (p: number, value: () => string) => (next() < p ? value() : null);
      const { id } = await createCouncil(database);
      const made: Made[] = [];
      for (let i = 0; i < 400; i += 1) {
        const column = pick([...CASE_COLUMNS, { label: 'FOI', type: 'foi_request' as CaseType, stage: 'request' as const }]);
        const received = addDays('2023-02-15', Math.floor(next() * 450));
        const due = maybe(0.9, () => addDays(received, Math.floor(next() * 30)));
        const ackDue = maybe(0.8, () => addDays(received, Math.floor(next() * 6)));
        const responded = maybe(0.7, () => addDays(received, Math.floor(next() * 60)));
        const closed = responded ?? maybe(0.2, () => addDays(received, Math.floor(next() * 60)));
        const acknowledged = maybe(0.6, () => addDays(received, Math.floor(next() * 8)));
        made.push({ type: column.type, stage: column.stage, received, due, ackDue, responded, closed, acknowledged });
      }
      await database.db
        .insertInto('cases')
        .values(
          made.map((m, i) => ({
            council_id: id,
            reference: `RND-${seed}-${i}`,
            type: m.type,
            framework: m.type === 'children_act_complaint' ? 'statutory' : m.type === 'foi_request' ? 'foi' : 'corporate',
            stage: m.stage,
            received_on: m.received,
            due_on: m.due,
            acknowledgement_due_on: m.ackDue,
            responded_on: m.responded,
            closed_on: m.closed,
            acknowledged_on: m.acknowledged,
          })),
        )
        .execute();
      const asOf = addDays('2023-06-01', Math.floor(next() * 400));
      const { report } = await reportRepository(database.db).build(id, { kind: 'annual', year: 2023 }, asOf);
      const table = (tableId: string) => report.tables.find((t) => t.id === tableId)!.rows;

      const inYear = (m: Made) => m.received >= '2023-04-01' && m.received <= '2024-03-31' && m.received <= asOf;
      const quarterRows = ['Q1', 'Q2', 'Q3', 'Q4'];
      const expectedCounts = quarterRows.map((label, q) => {
        const counts = CASE_COLUMNS.map((c) => made.filter((m) => inYear(m) && m.type === c.type && m.stage === c.stage && quarterOf(m.received) === q + 1).length);
        return [label, ...counts.map(String), String(counts.reduce((a, b) => a + b, 0))];
      });
      expect(table('cases-by-quarter').slice(0, 4)).toEqual(expectedCounts);

      const timeliness = (match: (m: Made) => boolean, due: (m: Made) => string | null, answered: (m: Made) => string | null, rounding: 'floor' | 'half_up') => {
        let k = 0;
        let n = 0;
        for (const m of made.filter((x) => inYear(x) && match(x))) {
          const dueOn = due(m);
          if (dueOn === null) continue;
          const result = classifyTimeliness({ dueOn, answeredOn: answered(m), asOf });
          if (result === 'not_yet_due') continue;
          n += 1;
          if (result === 'on_time') k += 1;
        }
        return formatTimelinessCell(k, n, rounding);
      };
      const answeredOn = (m: Made) => m.responded ?? m.closed;
      expect(table('on-time-by-quarter')).toEqual(
        quarterRows.map((label, q) => [label, ...CASE_COLUMNS.map((c) => timeliness((m) => m.type === c.type && m.stage === c.stage && quarterOf(m.received) === q + 1, (m) => m.due, answeredOn, 'floor'))]),
      );
      const acknowledgedOn = (m: Made) => [m.acknowledged, answeredOn(m)].filter((d): d is string => d !== null).sort()[0] ?? null;
      expect(table('acknowledged-on-time')).toEqual(
        [...quarterRows, 'Total'].map((label, q) => [
          label,
          ...CASE_COLUMNS.slice(0, 2).map((c) => timeliness((m) => m.type === c.type && m.stage === c.stage && (label === 'Total' || quarterOf(m.received) === q + 1), (m) => m.ackDue, acknowledgedOn, 'floor')),
        ]),
      );
      expect(table('foi-on-time')[0]).toEqual(['Total for the year', timeliness((m) => m.type === 'foi_request', (m) => m.due, answeredOn, 'half_up'), '0']);
    });
  });
}
