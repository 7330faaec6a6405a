/**
 * Calls one procedure many times with fast-check input and checks each call:
 * success, or a 4xx refusal whose message keys the apps can show; never a
 * 5xx; a refusal leaves the database exactly as it was; nothing pollutes
 * Object.prototype; and every successful call that wrote to a case's tables,
 * or named a case, left an audit row for it. Shared by the fuzz suite (all
 * procedures, all kinds of input) and the security suite's audit test.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import type { TestDatabase } from '@heard/db/testing';
import { callProcedure, type World } from './api-world';
import { changedTables, fingerprint } from './db-fingerprint';
import { prototypeIsPolluted } from './hostile';
import { unknownKeysOf } from './messages';

export type Tally = { ok: number; refused: Record<number, number>; audited: number; ms: number; reached: number };

/** Tables that hold a case or what belongs to it: a write to any of them must be audited. */
export const CASE_TABLES = [
  'cases',
  'case_people',
  'case_events',
  'case_themes',
  'complaint_points',
  'remedies',
  'learning_actions',
  'letters',
  'case_assignments',
  'case_links',
  'attachments',
];

export function show(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) =>
    v instanceof Uint8Array
      ? `<${v.byteLength} bytes>`
      : typeof v === 'string' && v.length > 200
        ? `${v.slice(0, 80)}...(${v.length} chars)`
        : v,
  );
  return (text ?? String(value)).slice(0, 2000);
}

const caseIdsOf = (input: unknown): string[] => {
  if (!input || typeof input !== 'object') return [];
  const record = input as Record<string, unknown>;
  const ids = [record.caseId, ...(Array.isArray(record.caseIds) ? record.caseIds : [])];
  return ids.filter((id): id is string => typeof id === 'string');
};

/**
 * The files of cases, as opposed to those of a journey not yet sent (a draft's
 * files share the table, and are no case's until the draft is sent, which is
 * audited): a fingerprint that a write to a case's files changes.
 */
async function caseFiles(database: TestDatabase): Promise<string> {
  return (
    await sql<{ h: string }>`
      select count(*)::text || ':' || coalesce(md5(string_agg(x.ctid::text || x.xmin::text, ',' order by x.ctid)), '') as h
      from attachments x where x.case_id is not null`.execute(database.db)
  ).rows[0]!.h;
}

/** The newest audit row's id (identity: rows written later have larger ids). */
async function auditCount(database: TestDatabase): Promise<number> {
  return Number((await sql<{ n: number }>`select coalesce(max(id), 0)::bigint as n from audit_log`.execute(database.db)).rows[0]!.n);
}

/** The audit rows written since `since`: how many, and the cases they name. */
async function auditedCases(database: TestDatabase, since: number): Promise<{ rows: number; cases: Set<string> }> {
  const rows = await sql<{ case_id: string | null }>`select case_id from audit_log where id > ${since}`.execute(database.db);
  return { rows: rows.rows.length, cases: new Set(rows.rows.map((r) => r.case_id).filter((id): id is string => id !== null)) };
}

export async function fuzzProcedure(options: {
  database: TestDatabase;
  world: World;
  path: string;
  as: Parameters<World['sessionFor']>[0];
  arbitraries: Array<readonly [string, fc.Arbitrary<unknown>]>;
  runs: number;
  perKindMs: number;
  keepsOnRefusal?: readonly string[];
  tally: Tally;
}): Promise<void> {
  const { database, world, path, tally } = options;
  const started = Date.now();
  for (const [kind, arbitrary] of options.arbitraries) {
    // The time budget is checked before each run, never by cutting a run off:
    // fast-check's interruptAfterTimeLimit abandons a call mid-flight, and the
    // abandoned call goes on writing while the next run compares the tables.
    const deadline = Date.now() + options.perKindMs;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        if (runs > 0 && Date.now() > deadline) return;
        runs += 1;
        const token = await world.sessionFor(options.as);
        const caller = await world.callerFor(options.as, 'a', token);
        const before = await fingerprint(database);
        const caseFilesBefore = await caseFiles(database);
        const auditsBefore = await auditCount(database);
        const outcome = await callProcedure(caller, path, input);
        if (prototypeIsPolluted()) throw new Error(`${path} polluted Object.prototype with ${show(input)}`);
        if (outcome.ok) {
          tally.ok += 1;
          tally.reached += 1;
          // Every read or change of a case is audited: a write to a case's tables (a draft's files are no case's yet), or a case named in the input.
          const draftFilesOnly = (await caseFiles(database)) === caseFilesBefore;
          const changed = changedTables(before, await fingerprint(database))
            .map((t) => t.split(' ')[0]!)
            .filter((t) => !(t === 'attachments' && draftFilesOnly));
          const named = caseIdsOf(input).filter((id) => world.cases.some((c) => c.id === id && c.council === 'a'));
          const wroteCase = changed.some((t) => CASE_TABLES.includes(t));
          if (wroteCase || named.length > 0) {
            const audited = await auditedCases(database, auditsBefore);
            if (audited.rows === 0)
              throw new Error(
                `${path} (${kind}) read or changed a case (${changed.join(', ') || named.join(', ')}) without an audit row: ${show(input)}`,
              );
            const unaudited = named.filter((id) => !audited.cases.has(id));
            if (unaudited.length > 0)
              throw new Error(`${path} (${kind}) succeeded on case ${unaudited.join(', ')} without auditing it: ${show(input)}`);
            tally.audited += 1;
          }
          return;
        }
        const { status, messageKey } = outcome.described;
        tally.refused[status] = (tally.refused[status] ?? 0) + 1;
        if (status !== 401 && status !== 403) tally.reached += 1;
        const detail = () =>
          `${path} (${kind}) with ${show(input)} -> ${status} ${messageKey}: ${(outcome.error as Error)?.stack ?? String(outcome.error)}`;
        if (status < 400 || status >= 500) throw new Error(`not a 4xx: ${detail()}`);
        const unknown = unknownKeysOf(outcome.described);
        if (unknown.length > 0) throw new Error(`message keys the apps cannot show (${unknown.join(', ')}): ${detail()}`);
        const changed = changedTables(before, await fingerprint(database), options.keepsOnRefusal ?? []);
        if (changed.length > 0) {
          const audits = (await sql<{ action: string; detail: string | null; actor_label: string }>`select action, detail, actor_label from audit_log where id > ${auditsBefore}`.execute(database.db)).rows;
          throw new Error(`a refused call wrote to ${changed.join(', ')} (new audit rows: ${JSON.stringify(audits)}): ${detail()}`);
        }
      }),
      { numRuns: options.runs, endOnFailure: true },
    );
  }
  tally.ms = Date.now() - started;
}
