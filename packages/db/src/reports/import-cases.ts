import { createHash, randomUUID } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { sql, type Kysely } from 'kysely';
import {
  IMPORT_COLUMNS,
  ZCaseImportRow,
  computeDeadline,
  importedCaseToState,
  rulesForCase,
  toImportErrors,
  type CaseRules,
  type CaseState,
  type Deadline,
  type ImportProblem,
  type ImportedCase,
  type IsoDate,
  type PolicyVersion,
} from '@heard/domain';
import type { HeardDatabase } from '../client';
import { copyRows, CopyBuffer } from '../copy-from';
import { policyRepository } from '../repositories/policy-repository';
import type { Database } from '../schema/tables';

/**
 * The historical case import (contracts.md "Case import: CSV").
 *
 * One streaming pass reads the file (never whole into memory): each row is
 * checked on its own by the domain's schema, its deadlines are computed by
 * the domain under the council's policy, and it is staged in batches in a
 * temporary table. Then SQL checks the rows against each other and against
 * the cases already there (references used twice, parents, the same row
 * imported before). Any problem: every one is reported, `line N: column C:
 * reason`, and the transaction is rolled back, so nothing is written. Else
 * the reference data and cases are written with a few set-based statements.
 * A row imported before with the same content is left as it is, so
 * importing a file twice changes nothing the second time.
 */

export type ImportProgress = { phase: 'reading' | 'checking' | 'writing' | 'done'; rows: number; bytes: number };

export type ImportResult = {
  /** Case rows read (header and blank lines not counted). */
  rows: number;
  created: number;
  unchanged: number;
  dryRun: boolean;
  /** Every problem found, in line order; nothing was written when there is any. */
  errors: ImportProblem[];
  /** How many problems were found beyond the ones listed. */
  moreErrors: number;
};

export type ImportOptions = {
  councilId: string;
  source: Readable | AsyncIterable<Uint8Array | string>;
  dryRun?: boolean;
  /** Today's date in the UK: no date in the file may be after it. */
  today: IsoDate;
  onProgress?: (progress: ImportProgress) => void;
  /** The back-office's record of this upload, if any. */
  importRunId?: string | null;
  /** Who imported, for the audit log: a staff user's id, or null for the command line. */
  actorUserId?: string | null;
  batchSize?: number;
  /** At most this many problems are kept (a broken file could have millions). */
  maxErrors?: number;
};

const REQUIRED_COLUMNS = ['reference', 'type', 'received_on'] as const;
const ROLLBACK = Symbol('rollback');

type StagedRow = {
  line: number;
  valid: boolean;
  reference: string;
  hash: string | null;
  parentReference: string | null;
  row: ImportedCase | null;
  state: CaseState | null;
  dueOn: IsoDate | null;
  acknowledgementDueOn: IsoDate | null;
  deadlineStatus: string | null;
};

class ProblemList {
  readonly list: ImportProblem[] = [];
  more = 0;
  constructor(private readonly max: number) {}
  add(problem: ImportProblem) {
    if (this.list.length < this.max) this.list.push(problem);
    else this.more += 1;
  }
  get size() {
    return this.list.length + this.more;
  }
}

/** Checks UTF-8 as the bytes stream past, carrying an incomplete character over to the next chunk. */
function utf8Checker() {
  let carry: Buffer = Buffer.alloc(0);
  let valid = true;
  return {
    get valid() {
      return valid;
    },
    check(chunk: Buffer) {
      if (!valid) return;
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      // Up to 3 trailing bytes may start a character that the next chunk completes.
      let end = data.length;
      for (let back = 1; back <= Math.min(3, data.length); back += 1) {
        const byte = data[data.length - back]!;
        if ((byte & 0xc0) === 0xc0) {
          const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
          if (needs > back) end = data.length - back;
          break;
        }
        if ((byte & 0xc0) !== 0x80) break;
      }
      if (!isUtf8(data.subarray(0, end))) valid = false;
      carry = Buffer.from(data.subarray(end));
    },
    finish() {
      if (carry.length > 0) valid = false;
    },
  };
}

function lineBreaks(value: string): number {
  if (value.indexOf('\n') === -1 && value.indexOf('\r') === -1) return 0;
  let count = 0;
  for (let i = 0; i < value.length; i += 1) {
    const ch = value.charCodeAt(i);
    if (ch === 10) count += 1;
    else if (ch === 13) {
      count += 1;
      if (value.charCodeAt(i + 1) === 10) i += 1;
    }
  }
  return count;
}

/**
 * The deadline columns of a case as the tracker keeps them (the same rule as
 * the back-office's casework): a statutory Stage 3 runs to its panel first;
 * every other case to its response; awaiting the acknowledgement, the latest
 * the response can be due still counts.
 */
function deadlineColumns(state: CaseState, rules: CaseRules): { dueOn: IsoDate | null; acknowledgementDueOn: IsoDate | null; deadlineStatus: string } {
  const kind = state.type === 'children_act_complaint' && state.stage === '3' && !state.panelHeldOn ? 'panel' : 'response';
  const current: Deadline = computeDeadline(state, kind, rules, { explain: false });
  const acknowledgement = computeDeadline(state, 'acknowledgement', rules, { explain: false });
  const acknowledgementDueOn = acknowledgement.status === 'due' ? acknowledgement.dueOn : null;
  if (current.status === 'due') return { dueOn: current.dueOn, acknowledgementDueOn, deadlineStatus: 'due' };
  if (current.status === 'awaiting') {
    return { dueOn: current.provisionalDueOn, acknowledgementDueOn, deadlineStatus: current.awaiting === 'statement_agreed' ? 'awaiting_agreed_statement' : 'awaiting' };
  }
  return { dueOn: null, acknowledgementDueOn, deadlineStatus: current.status === 'paused' ? 'paused' : 'no_deadline' };
}

function hashRow(row: ImportedCase): string {
  return createHash('sha1').update(JSON.stringify(HASHED_KEYS.map((key) => row[key] ?? null))).digest('base64url');
}

function camel(column: string): keyof ImportedCase {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof ImportedCase;
}

/** The row's fields in the file's column order: what a row's fingerprint covers. */
const HASHED_KEYS = IMPORT_COLUMNS.map(camel);

/** The council's policy versions as the domain takes them, with its home calendar. */
async function councilRules(db: Kysely<Database>, councilId: string) {
  const inputs = await policyRepository(db as never).getInputs(councilId);
  const calendar = inputs.calendar as 'england-and-wales' | 'scotland' | 'northern-ireland';
  const versions: PolicyVersion[] = inputs.versions.map((v) => ({ effectiveFrom: v.effectiveFrom, override: { calendar, ...(v.override as PolicyVersion['override']) } }));
  if (calendar !== 'england-and-wales' && !versions.some((v) => v.effectiveFrom <= '1900-01-01')) versions.unshift({ effectiveFrom: '1900-01-01', override: { calendar } });
  const cache = new Map<IsoDate, CaseRules>();
  return (date: IsoDate): CaseRules => {
    let rules = cache.get(date);
    if (!rules) {
      rules = rulesForCase({ receivedOn: date, councilVersions: versions, closureDays: inputs.closureDays });
      cache.set(date, rules);
    }
    return rules;
  };
}

const STAGING = sql`
  create temporary table import_staging (
    line integer not null,
    valid boolean not null,
    id uuid not null,
    reference text not null,
    row_hash text,
    parent_reference text,
    type text, framework text, stage text, status text,
    received_on date, started_on date, acknowledgement_due_on date, acknowledged_on date, due_on date,
    responded_on date, closed_on date, complex boolean, decision text, outcome text,
    division text, service text, theme text, locality text,
    channel text, advocate boolean, details text, remedy text,
    deadline_status text, lifecycle jsonb,
    policy_date date, row_json jsonb,
    first boolean not null default false,
    existing_case_id uuid,
    parent_case_id uuid
  ) on commit drop`;

const TEXT_COLUMNS = [
  'reference', 'row_hash', 'parent_reference', 'type', 'framework', 'stage', 'status', 'decision', 'outcome',
  'division', 'service', 'theme', 'locality', 'channel', 'details', 'remedy', 'deadline_status', 'lifecycle',
] as const;
const DATE_COLUMNS = ['received_on', 'started_on', 'acknowledgement_due_on', 'acknowledged_on', 'due_on', 'responded_on', 'closed_on'] as const;

function stagedValues(staged: StagedRow) {
  const r = staged.row;
  const s = staged.state;
  const text: Record<(typeof TEXT_COLUMNS)[number], string | null> = {
    reference: staged.reference,
    row_hash: staged.hash,
    parent_reference: staged.parentReference,
    type: r?.type ?? null,
    framework: s?.framework ?? null,
    stage: r?.stage ?? null,
    status: s?.status ?? null,
    decision: s ? (s.request?.decision ?? s.ombudsmanDecision?.decision ?? null) : null,
    outcome: s?.outcome ?? r?.outcome ?? null,
    division: r?.division ?? null,
    service: r?.service ?? null,
    theme: r?.theme ?? null,
    locality: r?.locality ?? null,
    channel: r?.channel ?? null,
    details: r?.details ?? null,
    remedy: r?.remedy ?? null,
    deadline_status: staged.deadlineStatus,
    // What the lifecycle keeps beyond the columns: the policy date, an FOI clarification's restart.
    lifecycle: s ? JSON.stringify({ policyDate: s.policyDate, clarifications: s.clarifications }) : null,
  };
  const dates: Record<(typeof DATE_COLUMNS)[number], string | null> = {
    received_on: r?.receivedOn ?? null,
    started_on: r?.startedOn ?? null,
    acknowledgement_due_on: staged.acknowledgementDueOn,
    acknowledged_on: r?.acknowledgedOn ?? null,
    due_on: staged.dueOn,
    responded_on: s?.respondedOn ?? r?.respondedOn ?? null,
    closed_on: s?.closedOn ?? null,
  };
  return { text, dates, complex: r?.complex ?? false, advocate: r?.advocate ?? false };
}

/** The staging table's columns as COPY fills them (the same values the unnest path inserts). */
const STAGING_COPY_COLUMNS = ['line', 'valid', 'id', ...TEXT_COLUMNS, ...DATE_COLUMNS, 'complex', 'advocate', 'policy_date', 'row_json'];

/** Stages a batch with `COPY ... FROM STDIN` (PostgreSQL; the temporary table has no row-level security). */
async function copyFlush(tx: Kysely<Database>, batch: StagedRow[]): Promise<void> {
  if (batch.length === 0) return;
  const buffer = new CopyBuffer();
  for (const b of batch) {
    const v = stagedValues(b);
    buffer.push([
      b.line,
      b.valid,
      randomUUID(),
      ...TEXT_COLUMNS.map((c) => v.text[c]),
      ...DATE_COLUMNS.map((c) => v.dates[c]),
      v.complex,
      v.advocate,
      b.state?.policyDate ?? null,
      b.row && b.parentReference ? JSON.stringify(b.row) : null,
    ]);
  }
  await copyRows(tx, 'import_staging', STAGING_COPY_COLUMNS, buffer.done());
}

async function flush(tx: Kysely<Database>, batch: StagedRow[]): Promise<void> {
  if (batch.length === 0) return;
  const values = batch.map(stagedValues);
  const textArrays = TEXT_COLUMNS.map((c) => (c === 'lifecycle' ? sql`${values.map((v) => v.text[c])}::jsonb[]` : sql`${values.map((v) => v.text[c])}::text[]`));
  const dateArrays = DATE_COLUMNS.map((c) => sql`${values.map((v) => v.dates[c])}::date[]`);
  // A later stage keeps its row, so that its deadlines can follow the policy of the stage it came from.
  const rowJson = batch.map((b) => (b.row && b.parentReference ? JSON.stringify(b.row) : null));
  await sql`
    insert into import_staging (line, valid, id, ${sql.join(TEXT_COLUMNS.map((c) => sql.ref(c)))}, ${sql.join(DATE_COLUMNS.map((c) => sql.ref(c)))}, complex, advocate, policy_date, row_json)
    select * from unnest(
      ${batch.map((b) => b.line)}::int[], ${batch.map((b) => b.valid)}::boolean[], ${batch.map(() => randomUUID())}::uuid[],
      ${sql.join(textArrays)}, ${sql.join(dateArrays)},
      ${values.map((v) => v.complex)}::boolean[], ${values.map((v) => v.advocate)}::boolean[],
      ${batch.map((b) => b.state?.policyDate ?? null)}::date[], ${rowJson}::jsonb[])`.execute(tx);
}

/** Imports a CSV file of cases into one council: all or nothing. */
export async function importCases(database: HeardDatabase, options: ImportOptions): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 5000;
  const problems = new ProblemList(options.maxErrors ?? 10_000);
  const progress: ImportProgress = { phase: 'reading', rows: 0, bytes: 0 };
  const report = () => options.onProgress?.({ ...progress });
  let created = 0;
  let unchanged = 0;

  const onPostgres = database.kind === 'postgres';
  const stage = onPostgres ? copyFlush : flush;

  const run = async (tx: Kysely<Database>) => {
    await sql`select set_config('heard.council_id', ${options.councilId}, true)`.execute(tx);
    // The statements below each handle the whole file at once: JIT compiling them costs more
    // (0.3-0.4 s each, measured at 100,000 rows) than it saves, and their sorts want more than
    // the default 4 MB. Both settings end with the transaction.
    if (onPostgres) await sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`.execute(tx);
    await STAGING.execute(tx);
    const rulesFor = await councilRules(tx, options.councilId);

    // 1. Read, check each row, compute its deadlines, stage it.
    const checker = utf8Checker();
    // A record with broken quotes is skipped (and reported) so that every other row is still checked.
    const skips: { after: number; lines: number }[] = [];
    let parsed = 0;
    const parser = parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      skip_records_with_error: true,
      info: true,
      on_record: (record) => {
        parsed += 1;
        return record;
      },
      on_skip: (error) => {
        if (skips.at(-1)?.after !== parsed) skips.push({ after: parsed, lines: Number((error as { lines?: number } | undefined)?.lines ?? 0) });
        return undefined;
      },
    });
    const source = options.source instanceof Readable ? options.source : Readable.from(options.source);
    const feed = (async () => {
      try {
        for await (const chunk of source) {
          // The reader stops early on a broken header or a broken quote: stop reading the file too.
          if (parser.destroyed) break;
          const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
          progress.bytes += buffer.length;
          checker.check(buffer);
          if (!parser.write(buffer)) {
            await new Promise<void>((resolve) => {
              const done = () => {
                parser.off('drain', done);
                parser.off('close', done);
                resolve();
              };
              parser.on('drain', done);
              parser.on('close', done);
            });
          }
        }
        if (!parser.destroyed) {
          checker.finish();
          parser.end();
        }
      } catch (error) {
        parser.destroy(error as Error);
      }
    })();

    let header: string[] | null = null;
    let lastLine = 0;
    // csv-parse counts a CRLF inside a quoted field as two lines: subtract those.
    let extraLines = 0;
    let consumed = 0;
    let batch: StagedRow[] = [];
    // The database stages one batch while the next is read and checked: both cores at work.
    let staging: Promise<void> | null = null;
    const stageBatch = async (rows: StagedRow[]) => {
      if (staging) await staging;
      staging = stage(tx, rows);
      // Handled when awaited; until then a failure must not count as unhandled.
      staging.catch(() => undefined);
    };
    let sawRecord = false;
    const reportSkips = (upTo: number) => {
      while (skips.length > 0 && skips[0]!.after <= upTo) {
        const skip = skips.shift()!;
        problems.add({ line: lastLine + 1, column: null, key: 'import.quoting', params: {} });
        lastLine = Math.max(lastLine + 1, skip.lines - extraLines);
      }
    };
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        sawRecord = true;
        reportSkips(consumed);
        consumed += 1;
        const breaks = record.reduce((n, cell) => n + lineBreaks(cell), 0);
        extraLines += record.reduce((n, cell) => n + (cell.indexOf('\r') === -1 ? 0 : (cell.match(/\r\n/g)?.length ?? 0)), 0);
        lastLine = info.lines - extraLines;
        const line = lastLine - breaks;
        if (header === null) {
          header = record.map((cell) => cell.trim().split('\u0000').join('\uFFFD'));
          if (record.some((cell) => cell.includes('\u0000'))) problems.add({ line, column: null, key: 'import.nulCharacter', params: {} });
          const seen = new Set<string>();
          for (const column of header) {
            if (!(IMPORT_COLUMNS as readonly string[]).includes(column)) problems.add({ line, column, key: 'errors.import.unknownColumn', params: {} });
            else if (seen.has(column)) problems.add({ line, column, key: 'import.duplicateColumn', params: {} });
            seen.add(column);
          }
          for (const column of REQUIRED_COLUMNS) if (!seen.has(column)) problems.add({ line, column, key: 'import.missingColumn', params: {} });
          if (problems.size > 0) break;
          continue;
        }
        if (record.length === 1 && record[0] === '') continue;
        progress.rows += 1;
        if (record.length !== header.length) {
          problems.add({ line, column: null, key: 'import.cellCount', params: { found: record.length, expected: header.length } });
          continue;
        }
        // PostgreSQL text cannot hold a NUL character: refuse the row, naming each such cell.
        if (record.some((cell) => cell.includes('\u0000'))) {
          header.forEach((column, i) => {
            if (record[i]!.includes('\u0000')) problems.add({ line, column, key: 'import.nulCharacter', params: {} });
          });
          continue;
        }
        const cells: Record<string, string> = {};
        header.forEach((column, i) => {
          cells[column] = record[i]!;
        });
        if (!checker.valid || record.some((cell) => cell.includes('\uFFFD'))) {
          const bad = header.filter((column) => cells[column]!.includes('\uFFFD'));
          if (bad.length > 0 || !checker.valid) {
            for (const column of bad) problems.add({ line, column, key: 'import.notUtf8', params: {} });
            if (bad.length > 0) continue;
          }
        }
        const parsed = ZCaseImportRow.safeParse(cells);
        const reference = (cells.reference ?? '').trim();
        if (!parsed.success) {
          for (const error of toImportErrors(parsed.error)) problems.add({ line, column: error.column, key: error.key, params: error.params });
          if (reference) batch.push({ line, valid: false, reference, hash: null, parentReference: null, row: null, state: null, dueOn: null, acknowledgementDueOn: null, deadlineStatus: null });
        } else {
          const row = parsed.data;
          let future = false;
          for (const [column, value] of [['received_on', row.receivedOn], ['started_on', row.startedOn], ['acknowledged_on', row.acknowledgedOn], ['responded_on', row.respondedOn]] as const) {
            if (value !== null && value > options.today) {
              problems.add({ line, column, key: 'import.futureDate', params: { today: options.today } });
              future = true;
            }
          }
          if (future) {
            batch.push({ line, valid: false, reference, hash: null, parentReference: null, row: null, state: null, dueOn: null, acknowledgementDueOn: null, deadlineStatus: null });
          } else {
            const state = importedCaseToState(row);
            batch.push({ line, valid: true, reference: row.reference, hash: hashRow(row), parentReference: row.parentReference, row, state, ...deadlineColumns(state, rulesFor(state.policyDate)) });
          }
        }
        if (batch.length >= batchSize) {
          await stageBatch(batch);
          batch = [];
          report();
        }
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (typeof code === 'string' && code.startsWith('CSV_')) {
        problems.add({ line: lastLine + 1, column: null, key: 'import.quoting', params: {} });
      } else {
        throw error;
      }
    }
    await feed;
    if (staging) await staging;
    reportSkips(Number.MAX_SAFE_INTEGER);
    if (!sawRecord && problems.size === 0) {
      problems.add({ line: 1, column: null, key: 'import.emptyFile', params: {} });
    } else if (!checker.valid && problems.list.every((p) => p.key !== 'import.notUtf8')) {
      problems.add({ line: lastLine, column: null, key: 'import.notUtf8', params: {} });
    }
    await stage(tx, batch);
    batch = [];
    // The checks below update the few rows with a parent by line, again and again: an index on
    // the line spares each a sort of every staged row (measured at 100,000 rows: 2.5 s for the
    // checks with it, 5 s without).
    await sql`create index on import_staging (line)`.execute(tx);

    // 2. The rows against each other and against the cases already there.
    progress.phase = 'checking';
    report();
    await checkAcrossRows(tx, options.councilId, problems);
    if (problems.size > 0) throw ROLLBACK;

    await followFirstStagePolicy(tx, options.councilId, rulesFor);

    const counts = await sql<{ created: number; unchanged: number }>`
      select count(*) filter (where first and existing_case_id is null)::int as created,
        count(*) filter (where first and existing_case_id is not null)::int as unchanged
      from import_staging where valid`.execute(tx);
    created = counts.rows[0]?.created ?? 0;
    unchanged = counts.rows[0]?.unchanged ?? 0;
    if (options.dryRun) throw ROLLBACK;

    // 3. Write.
    progress.phase = 'writing';
    report();
    if (created > 0) await writeCases(tx, options);
  };

  try {
    await database.db.transaction().execute(async (tx) => {
      await run(tx);
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  progress.phase = 'done';
  report();
  const errors = [...problems.list].sort((a, b) => a.line - b.line);
  return { rows: progress.rows, created: errors.length > 0 ? 0 : created, unchanged: errors.length > 0 ? 0 : unchanged, dryRun: options.dryRun ?? false, errors, moreErrors: problems.more };
}

/**
 * A later stage keeps the procedure its complaint (or request) started
 * under: its policy date is its first stage's date received, found up the
 * chain of parents in the file or in Heard; where that differs from its own,
 * its deadlines are computed again by the domain under that date's policy.
 */
async function followFirstStagePolicy(tx: Kysely<Database>, councilId: string, rulesFor: (date: IsoDate) => CaseRules): Promise<void> {
  // Chains are at most four deep (Stage 1, 2, 3, Ombudsman; request, review, Commissioner).
  for (let depth = 0; depth < 4; depth += 1) {
    const moved = await sql`
      update import_staging s set policy_date = p.policy_date
      from (
        select s2.line, coalesce(ps.policy_date, (c.lifecycle ->> 'policyDate')::date, c.received_on) as policy_date
        from import_staging s2
        left join import_staging ps on ps.reference = s2.parent_reference and ps.first and ps.valid
        left join cases c on ps.line is null and c.council_id = ${councilId} and c.reference = s2.parent_reference
        where s2.valid and s2.first and s2.parent_reference is not null
      ) p
      where s.line = p.line and p.policy_date < s.policy_date`.execute(tx);
    if (Number(moved.numAffectedRows ?? 0) === 0) break;
  }
  let after = 0;
  for (;;) {
    const rows = await sql<{ line: number; row_json: ImportedCase; policy_date: IsoDate }>`
      select line, row_json, policy_date from import_staging
      where valid and first and row_json is not null and policy_date < received_on and line > ${after}
      order by line limit 2000`.execute(tx);
    if (rows.rows.length === 0) break;
    const updates = rows.rows.map((r) => {
      const state = importedCaseToState(r.row_json, r.policy_date);
      return { line: r.line, lifecycle: JSON.stringify({ policyDate: state.policyDate, clarifications: state.clarifications }), ...deadlineColumns(state, rulesFor(state.policyDate)) };
    });
    await sql`
      update import_staging s set due_on = u.due_on, acknowledgement_due_on = u.ack, deadline_status = u.status, lifecycle = u.lifecycle
      from unnest(${updates.map((u) => u.line)}::int[], ${updates.map((u) => u.dueOn)}::date[], ${updates.map((u) => u.acknowledgementDueOn)}::date[],
        ${updates.map((u) => u.deadlineStatus)}::text[], ${updates.map((u) => u.lifecycle)}::jsonb[]) as u(line, due_on, ack, status, lifecycle)
      where s.line = u.line`.execute(tx);
    after = rows.rows.at(-1)!.line;
  }
}

/** Duplicated references, references already used, and parents that are missing or of the wrong kind. */
async function checkAcrossRows(tx: Kysely<Database>, councilId: string, problems: ProblemList): Promise<void> {
  await sql`
    update import_staging s set first = true
    from (select distinct on (reference) line from import_staging where valid order by reference, line) f
    where s.line = f.line`.execute(tx);
  const duplicates = await sql<{ line: number; first_line: number }>`
    select s.line, f.line as first_line
    from import_staging s join import_staging f on f.reference = s.reference and f.first
    where s.valid and not s.first and s.row_hash is distinct from f.row_hash
    order by s.line`.execute(tx);
  for (const d of duplicates.rows) problems.add({ line: d.line, column: 'reference', key: 'import.duplicateReference', params: { line: d.first_line } });

  await sql`
    update import_staging s set existing_case_id = c.id
    from cases c where c.council_id = ${councilId} and c.reference = s.reference and s.first`.execute(tx);
  const inUse = await sql<{ line: number }>`
    select s.line from import_staging s
    left join case_imports ci on ci.case_id = s.existing_case_id
    where s.first and s.existing_case_id is not null and ci.row_hash is distinct from s.row_hash
    order by s.line`.execute(tx);
  for (const u of inUse.rows) problems.add({ line: u.line, column: 'reference', key: 'import.referenceInUse', params: {} });

  const parents = await sql<{ line: number; parent_reference: string; found: boolean; fits: boolean | null }>`
    with parent as (
      select s.line, s.type, s.stage, s.parent_reference,
        coalesce(p.type, c.type) as parent_type, coalesce(p.stage, c.stage) as parent_stage,
        (p.line is not null or c.id is not null or bad.line is not null) as found,
        (p.line is null and c.id is null) as unknown_kind
      from import_staging s
      left join import_staging p on p.reference = s.parent_reference and p.first and p.valid
      left join import_staging bad on bad.reference = s.parent_reference and not bad.valid
      left join cases c on c.council_id = ${councilId} and c.reference = s.parent_reference
      where s.valid and s.first and s.parent_reference is not null
    )
    select distinct on (line) line, parent_reference, found,
      case when unknown_kind then null else parent_type = type and (
        (stage = '2' and parent_stage = '1') or (stage = '3' and parent_stage = '2')
        or (stage = 'ombudsman' and parent_stage in ('1', '2', '3'))
        or (stage = 'internal_review' and parent_stage = 'request')
        or (stage = 'information_commissioner' and parent_stage in ('request', 'internal_review'))) end as fits
    from parent
    order by line`.execute(tx);
  for (const p of parents.rows) {
    if (!p.found) problems.add({ line: p.line, column: 'parent_reference', key: 'import.parentMissing', params: { reference: p.parent_reference } });
    else if (p.fits === false) problems.add({ line: p.line, column: 'parent_reference', key: 'import.parentMismatch', params: { reference: p.parent_reference } });
  }
  await sql`
    update import_staging s set parent_case_id = coalesce(p.existing_case_id, p.id, c.id)
    from import_staging s2
    left join import_staging p on p.reference = s2.parent_reference and p.first and p.valid
    left join cases c on c.council_id = ${councilId} and c.reference = s2.parent_reference
    where s.line = s2.line and s2.first and s2.valid and s2.parent_reference is not null`.execute(tx);
}

/** Reference data the file names and Heard does not have yet, then the cases, their themes and their import fingerprints. */
async function writeCases(tx: Kysely<Database>, options: ImportOptions): Promise<void> {
  const council = options.councilId;
  const newRows = sql`select * from import_staging where valid and first and existing_case_id is null`;
  // Each name's first row (by line) is found first, then only those few are looked up: the same
  // rows as looking up every row and keeping each name's first (whether a name is new does not
  // depend on the row), without a look-up per row of the file.
  for (const [table, column] of [['divisions', 'division'], ['themes', 'theme'], ['localities', 'locality']] as const) {
    await sql`
      insert into ${sql.table(table)} (council_id, name)
      select ${council}::uuid, n.name
      from (
        select distinct on (lower(r.${sql.ref(column)})) r.${sql.ref(column)} as name, r.line
        from (${newRows}) r
        where r.${sql.ref(column)} is not null
        order by lower(r.${sql.ref(column)}), r.line) n
      where not exists (select 1 from ${sql.table(table)} t where t.council_id = ${council} and lower(t.name) = lower(n.name))
      order by lower(n.name), n.line`.execute(tx);
  }
  await sql`
    insert into services (council_id, name, division_id, framework)
    select ${council}::uuid, n.service,
      (select d.id from divisions d where d.council_id = ${council} and lower(d.name) = lower(n.division) order by d.created_at limit 1),
      case when n.type = 'children_act_complaint' or n.framework = 'statutory' then 'statutory' else 'corporate' end
    from (
      select distinct on (lower(r.service)) r.service, r.division, r.type, r.framework, r.line
      from (${newRows}) r
      where r.service is not null
      order by lower(r.service), r.line) n
    where not exists (select 1 from services t where t.council_id = ${council} and lower(t.name) = lower(n.service))
    order by lower(n.service), n.line`.execute(tx);

  // One id per name, whatever its case: the first created wins.
  const lookup = (table: 'divisions' | 'services' | 'themes' | 'localities') =>
    sql`(select distinct on (lower(name)) id, lower(name) as lname from ${sql.table(table)} where council_id = ${council} order by lower(name), created_at, id)`;
  await sql`
    insert into cases (id, council_id, reference, type, framework, stage, parent_case_id, status, received_on, started_on,
      acknowledgement_due_on, acknowledged_on, due_on, responded_on, closed_on, complex, decision, outcome,
      division_id, service_id, locality_id, channel, advocate_supported, details, remedy, deadline_status, lifecycle)
    select n.id, ${council}::uuid, n.reference, n.type, n.framework, n.stage, n.parent_case_id, n.status, n.received_on, n.started_on,
      n.acknowledgement_due_on, n.acknowledged_on, n.due_on, n.responded_on, n.closed_on, n.complex, n.decision, n.outcome,
      d.id, s.id, l.id, coalesce(n.channel, 'email'), n.advocate, n.details, n.remedy, n.deadline_status, coalesce(n.lifecycle, '{}')
    from (${newRows}) n
    left join ${lookup('divisions')} d on d.lname = lower(n.division)
    left join ${lookup('services')} s on s.lname = lower(n.service)
    left join ${lookup('localities')} l on l.lname = lower(n.locality)
    order by n.line`.execute(tx);
  await sql`
    insert into case_themes (council_id, case_id, theme_id)
    select ${council}::uuid, n.id, t.id from (${newRows}) n join ${lookup('themes')} t on t.lname = lower(n.theme)`.execute(tx);
  await sql`
    insert into case_imports (council_id, case_id, row_hash, import_run_id)
    select ${council}::uuid, n.id, n.row_hash, ${options.importRunId ?? null}::uuid from (${newRows}) n`.execute(tx);
  await sql`
    insert into audit_log (council_id, actor_user_id, actor_label, action, detail)
    select ${council}::uuid, ${options.actorUserId ?? null}::uuid, ${options.actorUserId ? 'staff' : 'system'}, 'change',
      'import: ' || count(*) || ' cases created' from (${newRows}) n`.execute(tx);
}
