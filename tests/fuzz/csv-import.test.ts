/**
 * The CSV import with fuzzed files, beyond the malformed files of the
 * reports area (packages/db/src/reports/import-cases.db.test.ts, which this
 * suite also runs): a valid file with hostile cells, broken quoting, stray
 * bytes, a byte-order mark, other line endings, columns removed, added or
 * duplicated, huge cells and lines, or plain random bytes. Every file ends in
 * an import or in problems that each name a line (within the file) and, where
 * there is one, a column; never an exception; and a file with any problem
 * writes nothing at all.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { importCases } from '@heard/db';
import { createCouncil, createTestDatabase, CSV_COLUMNS, seed000Rows, toCsv, type TestDatabase } from '@heard/db/testing';
import { formatImportProblem } from '@heard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, fingerprint } from '../support/db-fingerprint';
import { hostileString } from '../support/hostile';

let database: TestDatabase;
let councilId: string;
const baseRows = seed000Rows().slice(0, 12);

beforeAll(async () => {
  database = await createTestDatabase();
  councilId = (await createCouncil(database, { slug: 'csv-fuzz' })).id;
});
afterAll(() => database?.destroy());

type Mutation = (csv: string) => string | Buffer;

const mutations: fc.Arbitrary<{ name: string; apply: Mutation }> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom(...CSV_COLUMNS), hostileString()).map(([row, column, value]) => ({
    name: `hostile ${column}`,
    apply: () => toCsv(baseRows.map((r, i) => (i === row % baseRows.length ? { ...r, [column]: value } : r))),
  })),
  fc
    .nat()
    .map((at) => ({ name: 'a stray quote', apply: (csv: string) => `${csv.slice(0, at % csv.length)}"${csv.slice(at % csv.length)}` })),
  fc.nat().map((at) => ({ name: 'a cut file', apply: (csv: string) => csv.slice(0, at % csv.length) })),
  fc
    .uint8Array({ minLength: 1, maxLength: 40 })
    .chain((bytes) =>
      fc
        .nat()
        .map((at) => ({
          name: 'stray bytes',
          apply: (csv: string) =>
            Buffer.concat([Buffer.from(csv.slice(0, at % csv.length)), Buffer.from(bytes), Buffer.from(csv.slice(at % csv.length))]),
        })),
    ),
  fc.constantFrom<{ name: string; apply: Mutation }>(
    { name: 'a byte-order mark', apply: (csv) => `\uFEFF${csv}` },
    { name: 'CRLF line endings', apply: (csv) => csv.replace(/\n/g, '\r\n') },
    { name: 'CR line endings', apply: (csv) => csv.replace(/\n/g, '\r') },
    { name: 'a NUL byte in a cell', apply: (csv) => csv.replace('\n', '\n\u0000') },
    {
      name: 'a column dropped',
      apply: () =>
        toCsv(
          baseRows,
          CSV_COLUMNS.filter((c) => c !== 'received_on'),
        ),
    },
    {
      name: 'an unknown column',
      apply: () =>
        toCsv(
          baseRows.map((r) => ({ ...r, password: 'x' })),
          [...CSV_COLUMNS, 'password'],
        ),
    },
    { name: 'a duplicated column', apply: () => toCsv(baseRows, [...CSV_COLUMNS, 'reference']) },
    { name: 'a huge cell', apply: () => toCsv(baseRows.map((r, i) => (i === 0 ? { ...r, details: 'x'.repeat(2_000_000) } : r))) },
    { name: 'a huge line without quotes closed', apply: (csv) => `${csv}"${'y'.repeat(1_000_000)}` },
    { name: 'only a header', apply: () => `${CSV_COLUMNS.join(',')}\n` },
    { name: 'nothing', apply: () => '' },
    { name: 'UTF-16', apply: (csv) => Buffer.from(csv, 'utf16le') },
    { name: 'Latin-1', apply: (csv) => Buffer.from(csv.replace('a', 'é'), 'latin1') },
  ),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ name: 'random bytes', apply: () => Buffer.from(bytes) })),
);

describe('importing fuzzed CSV files', () => {
  it('imports the file or names every problem by line and column, writing nothing when there is one', async () => {
    let imported = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(mutations, fc.boolean(), async (mutation, dryRun) => {
        const content = mutation.apply(toCsv(baseRows));
        const bytes = typeof content === 'string' ? Buffer.from(content) : content;
        const lineCount = bytes.toString('utf8').split(/\r\n|\r|\n/).length + 1;
        const before = await fingerprint(database);
        // Fresh references each time, so that a good file imports rather than being "unchanged".
        const result = await importCases(database, {
          councilId,
          source: Readable.from([bytes]),
          today: '2024-06-30',
          dryRun,
          batchSize: 5,
          maxErrors: 50,
        });
        if (result.errors.length === 0) {
          imported += 1;
          return;
        }
        refused += 1;
        for (const problem of result.errors) {
          expect(problem.line, `${mutation.name}: ${JSON.stringify(problem)}`).toBeGreaterThanOrEqual(1);
          expect(problem.line, `${mutation.name}: ${JSON.stringify(problem)}`).toBeLessThanOrEqual(lineCount);
          const text = formatImportProblem('en', problem);
          expect(text, mutation.name).toMatch(/^line \d+: /);
          expect(text, `${mutation.name}: an untranslated problem`).not.toContain(problem.key);
        }
        expect(changedTables(before, await fingerprint(database)), `${mutation.name} wrote despite problems`).toEqual([]);
      }),
      { numRuns: Number(process.env.FUZZ_CSV_RUNS ?? 60) },
    );
    console.log(`fuzzed CSV files: ${imported} imported, ${refused} refused with line-precise problems`);
    expect(refused).toBeGreaterThan(0);
  });
});
