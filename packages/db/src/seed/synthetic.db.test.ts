import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeDeadline,
  getCalendar,
  IMPORT_COLUMNS,
  importedCaseToState,
  isValidReference,
  isWorkingDay,
  listBankHolidays,
  rulesForCase,
  ZCaseImportRow,
} from '@heard/domain';
import { importCases } from '../reports/import-cases';
import { createCouncil, createTestDatabase, type TestDatabase } from '../testing/index';
import { syntheticFingerprint as fingerprint } from './synthetic-fingerprint.test-support';
import {
  FOI_MONTH_WEIGHTS,
  MONTH_WEIGHTS,
  ROOT_MIX,
  SYNTHETIC_AS_OF,
  generateSyntheticCases,
  syntheticCouncils,
  toCsvLine,
  toImportCells,
  type SyntheticCase,
} from './synthetic';
import { generateSynthetic, growSynthetic, SyntheticCouncilExistsError } from './synthetic-writer';

const [council] = syntheticCouncils({ seed: 11, councils: 1 });
const SAMPLE = 20_000;
let sample: SyntheticCase[];

beforeAll(() => {
  sample = [...generateSyntheticCases(council!, { cases: SAMPLE, seed: 11 })];
});

const share = (count: number, total: number) => count / total;

describe('the synthetic mix', () => {
  it('makes exactly the number of records asked for', () => {
    expect(sample).toHaveLength(SAMPLE);
    expect([...generateSyntheticCases(council!, { cases: 7, seed: 3 })]).toHaveLength(7);
    expect([...generateSyntheticCases(council!, { cases: 0, seed: 3 })]).toHaveLength(0);
  });

  it('opens chains in the seeds’ proportions of types (within 10% of each share)', () => {
    const roots = sample.filter((c) => c.row.parent_case_id === null && c.row.stage !== 'ombudsman');
    const total = Object.values(ROOT_MIX).reduce((a, b) => a + b, 0);
    for (const [type, weight] of Object.entries(ROOT_MIX)) {
      const expected = weight / total;
      const actual = share(roots.filter((c) => c.row.type === type).length, roots.length);
      expect(Math.abs(actual - expected), type).toBeLessThan(Math.max(0.1 * expected, 0.002));
    }
  });

  it('follows seed 000’s months for cases and for FOI requests', () => {
    const byMonth = (rows: SyntheticCase[]) => {
      const counts = new Array<number>(12).fill(0);
      for (const c of rows) {
        const month = (Number(c.row.received_on.slice(5, 7)) + 8) % 12;
        counts[month] = (counts[month] ?? 0) + 1;
      }
      return counts;
    };
    const correlation = (a: readonly number[], b: readonly number[]) => {
      const mean = (x: readonly number[]) => x.reduce((s, v) => s + v, 0) / x.length;
      const [ma, mb] = [mean(a), mean(b)];
      let num = 0;
      let da = 0;
      let db = 0;
      for (let i = 0; i < a.length; i += 1) {
        num += (a[i]! - ma) * (b[i]! - mb);
        da += (a[i]! - ma) ** 2;
        db += (b[i]! - mb) ** 2;
      }
      return num / Math.sqrt(da * db);
    };
    const roots = sample.filter((c) => c.row.parent_case_id === null);
    expect(correlation(byMonth(roots.filter((c) => c.row.type !== 'foi_request')), MONTH_WEIGHTS)).toBeGreaterThan(0.9);
    expect(correlation(byMonth(roots.filter((c) => c.row.type === 'foi_request')), FOI_MONTH_WEIGHTS)).toBeGreaterThan(0.9);
  });

  it('receives some cases on weekends and bank holidays, fewer than on working days', () => {
    const calendar = getCalendar('england-and-wales');
    const holidays = new Set(listBankHolidays('england-and-wales').map((h) => h.date));
    const nonWorking = sample.filter((c) => !isWorkingDay(calendar, c.row.received_on));
    expect(nonWorking.length).toBeGreaterThan(0.03 * SAMPLE);
    expect(nonWorking.length).toBeLessThan(0.15 * SAMPLE);
    expect(sample.some((c) => holidays.has(c.row.received_on))).toBe(true);
  });

  it('has Stage 1 outcomes close to seed 000 Table 5, escalation chains and FOI reviews', () => {
    const stage1 = sample.filter((c) => c.row.stage === '1' && c.row.outcome !== null);
    const upheld = share(stage1.filter((c) => c.row.outcome === 'upheld').length, stage1.length);
    expect(upheld).toBeGreaterThan(0.25);
    expect(upheld).toBeLessThan(0.45);
    const complaints = sample.filter((c) => c.row.stage === '1').length;
    const stage2 = sample.filter((c) => c.row.stage === '2').length;
    expect(share(stage2, complaints)).toBeGreaterThan(0.04);
    expect(share(stage2, complaints)).toBeLessThan(0.15);
    const byId = new Map(sample.map((c) => [c.row.id, c]));
    const chainOf = (c: SyntheticCase): string[] =>
      c.row.parent_case_id ? [...chainOf(byId.get(c.row.parent_case_id)!), c.row.stage!] : [c.row.stage!];
    const chains = new Set(sample.filter((c) => c.row.stage === 'ombudsman').map((c) => chainOf(c).join('>')));
    expect(chains).toContain('1>2>3>ombudsman');
    expect(chains).toContain('1>ombudsman');
    expect(sample.some((c) => c.row.stage === 'internal_review')).toBe(true);
    expect(sample.some((c) => c.row.stage === 'information_commissioner')).toBe(true);
    for (const decision of ['accepted', 'rejected', 'withdrawn', 'resolved_by_adr', 'on_hold']) {
      expect(
        sample.some((c) => c.row.stage === '2' && c.row.decision === decision),
        decision,
      ).toBe(true);
    }
  });

  it('has open and closed cases, every division, service, theme and locality', () => {
    const statuses = new Set(sample.map((c) => c.row.status));
    for (const status of ['received', 'acknowledged', 'in_progress', 'responded', 'closed', 'withdrawn', 'on_hold'])
      expect(statuses, status).toContain(status);
    for (const list of [council!.divisions, council!.services, council!.themes, council!.localities]) {
      const used = new Set(sample.flatMap((c) => [c.row.division_id, c.row.service_id, c.row.locality_id, c.theme?.theme_id]));
      for (const item of list) expect(used, item.name).toContain(item.id);
    }
    expect(sample.every((c) => c.row.received_on <= SYNTHETIC_AS_OF)).toBe(true);
    expect(sample.every((c) => (c.row.responded_on ?? '') <= SYNTHETIC_AS_OF && (c.row.closed_on ?? '') <= SYNTHETIC_AS_OF)).toBe(true);
  });
});

describe('every synthetic row is valid', () => {
  it('is a valid import row with a valid, unique reference, and later stages point at an earlier record of the right stage', () => {
    const seen = new Map<string, SyntheticCase>();
    const references = new Set<string>();
    const parentStage: Record<string, string[]> = {
      '2': ['1'],
      '3': ['2'],
      ombudsman: ['1', '2', '3'],
      internal_review: ['request'],
      information_commissioner: ['internal_review', 'request'],
    };
    for (const c of sample) {
      const parsed = ZCaseImportRow.safeParse(toImportCells(c.importRow));
      expect(parsed.success, `${c.row.reference}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(isValidReference(c.row.reference), c.row.reference).toBe(true);
      expect(references.has(c.row.reference)).toBe(false);
      references.add(c.row.reference);
      if (c.row.parent_case_id) {
        const parent = seen.get(c.row.parent_case_id);
        expect(parent, c.row.reference).toBeDefined();
        expect(parentStage[c.row.stage!]).toContain(parent!.row.stage);
        expect(c.row.received_on >= (parent!.row.responded_on ?? '9999')).toBe(true);
      }
      if (c.row.responded_on) expect(c.row.responded_on >= c.row.received_on).toBe(true);
      if (c.row.status === 'in_progress') expect(c.row.owner_user_id).not.toBeNull();
      seen.set(c.row.id, c);
    }
  });

  it('stores the deadlines the domain computes for the row as imported', () => {
    for (const c of sample.slice(0, 5000)) {
      if (c.row.type === 'children_act_complaint' && c.row.stage === '3') continue; // three clocks: checked by the lifecycle's own tests
      const row = ZCaseImportRow.parse(toImportCells(c.importRow));
      const policyDate = (JSON.parse(c.row.lifecycle) as { policyDate: string }).policyDate;
      const state = importedCaseToState(row, policyDate);
      const rules = rulesForCase({ receivedOn: policyDate });
      const response = computeDeadline(state, 'response', rules, { explain: false });
      const acknowledgement = computeDeadline(state, 'acknowledgement', rules, { explain: false });
      const expectedDue = response.status === 'due' ? response.dueOn : response.status === 'awaiting' ? response.provisionalDueOn : null;
      expect(c.row.due_on, c.row.reference).toBe(expectedDue);
      expect(c.row.acknowledgement_due_on, c.row.reference).toBe(acknowledgement.status === 'due' ? acknowledgement.dueOn : null);
    }
  });
});

describe('generating into the database', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([first?.destroy(), second?.destroy()]);
  });

  it('writes the same rows, byte for byte, from the same seed; another seed differs; a seed is generated once', async () => {
    const options = { cases: 1500, seed: 5, councils: 2, batchSize: 400 };
    const [a, b] = await Promise.all([generateSynthetic(first, options), generateSynthetic(second, options)]);
    expect(a).toEqual(b);
    expect(a.cases).toBe(1500);
    expect(a.councils.map((c) => c.cases)).toEqual([750, 750]);
    const counts = await first.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBe(1500);
    expect(await fingerprint(first)).toBe(await fingerprint(second));

    await expect(generateSynthetic(first, options)).rejects.toBeInstanceOf(SyntheticCouncilExistsError);
    const before = await fingerprint(second);
    await generateSynthetic(second, { ...options, seed: 6, cases: 10 });
    expect(await fingerprint(second)).not.toBe(before);
  });

  it('a council grown 600 -> 1,000 -> 1,500 records holds the very rows of one run of 1,500', async () => {
    const [grown, direct] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      const options = { seed: 12, councils: 1, years: 1, batchSize: 250 };
      await generateSynthetic(grown, { ...options, cases: 600 });
      expect(await growSynthetic(grown, { ...options, from: 600, to: 1000 })).toBe(400);
      expect(await growSynthetic(grown, { ...options, from: 1000, to: 1500, bulk: true })).toBe(500);
      await generateSynthetic(direct, { ...options, cases: 1500 });
      expect(await fingerprint(grown)).toBe(await fingerprint(direct));
      await expect(growSynthetic(grown, { ...options, seed: 13, from: 0, to: 10 })).rejects.toThrow(/has not been generated/);
    } finally {
      await Promise.all([grown.destroy(), direct.destroy()]);
    }
  });

  it('every case has its person and its history; the tracker index answers a council’s open cases', async () => {
    const orphans = await sql<{ n: number }>`
      select count(*)::int as n from cases c
      where not exists (select 1 from case_people p where p.case_id = c.id)
         or not exists (select 1 from case_events e where e.case_id = c.id and e.type = 'received')`.execute(first.db);
    expect(orphans.rows[0]!.n).toBe(0);
    const open = await sql<{
      n: number;
    }>`select count(*)::int as n from cases where status not in ('closed', 'withdrawn', 'out_of_remit')`.execute(first.db);
    expect(open.rows[0]!.n).toBeGreaterThan(0);
  });

  it('writes a file that `heard import` takes as it is, with the same deadlines', async () => {
    const target = await createCouncil(first, { slug: 'import-target' });
    const rows = [...generateSyntheticCases(council!, { cases: 600, seed: 21 })];
    const csv = [IMPORT_COLUMNS.join(','), ...rows.map((r) => toCsvLine(IMPORT_COLUMNS, toImportCells(r.importRow)))].join('\r\n');
    const result = await importCases(first, { councilId: target.id, source: Readable.from([csv]), today: SYNTHETIC_AS_OF });
    expect(result.errors).toEqual([]);
    expect(result.created).toBe(600);
    const imported = await first.db
      .selectFrom('cases')
      .select(['reference', 'due_on', 'acknowledgement_due_on', 'type', 'stage'])
      .where('council_id', '=', target.id)
      .execute();
    const byReference = new Map(imported.map((r) => [r.reference, r]));
    for (const r of rows) {
      if (r.row.type === 'children_act_complaint' && r.row.stage === '3') continue;
      const found = byReference.get(r.row.reference);
      expect(found?.due_on ?? null, r.row.reference).toBe(r.row.due_on);
      expect(found?.acknowledgement_due_on ?? null, r.row.reference).toBe(r.row.acknowledgement_due_on);
    }
  });
});
