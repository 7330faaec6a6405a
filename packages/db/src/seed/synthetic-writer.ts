import { sql, type Kysely } from 'kysely';
import type { HeardDatabase } from '../client';
import { copyAllowed, copyRows, CopyBuffer } from '../copy-from';
import type { Database } from '../schema/tables';
import { generateSyntheticCases, syntheticCouncils, type SyntheticCase, type SyntheticCouncil, type SyntheticOptions } from './synthetic';

/**
 * Writes synthetic cases (`synthetic.ts`) in batches, on the owner
 * connection, in one transaction: all or nothing. Each batch is one
 * statement per table: on PostgreSQL, when the role may (a superuser or
 * BYPASSRLS: the tables have row-level security), `COPY ... FROM STDIN`
 * (`copy-from.ts`); else, and on PGlite, a multi-row
 * `insert ... select from unnest(arrays)`. Both write the same rows in the
 * same order.
 */

type ColumnType = 'uuid' | 'text' | 'date' | 'boolean' | 'jsonb' | 'timestamptz';
type Columns<R> = ReadonlyArray<readonly [keyof R & string, ColumnType]>;

const CASE_COLUMNS: Columns<SyntheticCase['row']> = [
  ['id', 'uuid'],
  ['council_id', 'uuid'],
  ['reference', 'text'],
  ['type', 'text'],
  ['framework', 'text'],
  ['stage', 'text'],
  ['parent_case_id', 'uuid'],
  ['status', 'text'],
  ['received_on', 'date'],
  ['started_on', 'date'],
  ['acknowledgement_due_on', 'date'],
  ['acknowledged_on', 'date'],
  ['due_on', 'date'],
  ['deadline_status', 'text'],
  ['responded_on', 'date'],
  ['closed_on', 'date'],
  ['complex', 'boolean'],
  ['decision', 'text'],
  ['outcome', 'text'],
  ['division_id', 'uuid'],
  ['service_id', 'uuid'],
  ['locality_id', 'uuid'],
  ['owner_user_id', 'uuid'],
  ['channel', 'text'],
  ['advocate_supported', 'boolean'],
  ['summary', 'text'],
  ['details', 'text'],
  ['remedy', 'text'],
  ['out_of_remit_reason', 'text'],
  ['lifecycle', 'jsonb'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const THEME_COLUMNS: Columns<NonNullable<SyntheticCase['theme']>> = [
  ['council_id', 'uuid'],
  ['case_id', 'uuid'],
  ['theme_id', 'uuid'],
];
const PERSON_COLUMNS: Columns<SyntheticCase['person']> = [
  ['id', 'uuid'],
  ['council_id', 'uuid'],
  ['case_id', 'uuid'],
  ['role', 'text'],
  ['name', 'text'],
  ['email', 'text'],
  ['created_at', 'timestamptz'],
];
const EVENT_COLUMNS: Columns<SyntheticCase['events'][number]> = [
  ['council_id', 'uuid'],
  ['case_id', 'uuid'],
  ['type', 'text'],
  ['payload', 'jsonb'],
  ['actor_label', 'text'],
  ['occurred_at', 'timestamptz'],
];

/** `insert into table (...) select ... from unnest($1::type[], ...)`: one statement for many rows. */
async function insertRows<R>(db: Kysely<Database>, table: string, columns: Columns<R>, rows: readonly R[]): Promise<void> {
  if (rows.length === 0) return;
  // jsonb arrives as text (node-postgres sends arrays of text cleanly) and is cast per row.
  const arrays = columns.map(
    ([name, type]) => sql`${rows.map((r) => (r[name] as unknown) ?? null)}::${sql.raw(type === 'jsonb' ? 'text' : type)}[]`,
  );
  const names = columns.map(([name]) => sql.ref(name));
  const selected = columns.map(([name, type]) => (type === 'jsonb' ? sql`u.${sql.ref(name)}::jsonb` : sql`u.${sql.ref(name)}`));
  await sql`
    insert into ${sql.table(table)} (${sql.join(names)})
    select ${sql.join(selected)} from unnest(${sql.join(arrays)}) as u(${sql.join(names)})`.execute(db);
}

/** `COPY table (columns) FROM STDIN` of one batch's rows (PostgreSQL). */
async function copyBatch<R>(db: Kysely<Database>, table: string, columns: Columns<R>, rows: readonly R[]): Promise<void> {
  if (rows.length === 0) return;
  const buffer = new CopyBuffer();
  const names = columns.map(([name]) => name);
  for (const row of rows) buffer.push(names.map((name) => row[name]));
  await copyRows(db, table, names, buffer.done());
}

/** How a batch reaches the tables: COPY (PostgreSQL, a role that bypasses row-level security) or multi-row inserts. */
export type SyntheticWriteMethod = 'copy' | 'insert';

export type SyntheticProgress = { council: number; councils: number; cases: number; total: number };

/** Writes `options.cases` synthetic records into an existing council (its reference data and officers given). */
export async function writeSyntheticCases(
  db: Kysely<Database>,
  council: SyntheticCouncil,
  options: SyntheticOptions & {
    batchSize?: number;
    method?: SyntheticWriteMethod;
    /**
     * Records to pass over: the first `skip` of the same options are in the database already (the
     * generator makes the same first records whatever the total), so this adds the rest.
     */
    skip?: number;
    onBatch?: (written: number) => void;
  },
): Promise<number> {
  const batchSize = options.batchSize ?? 5000;
  const writeRows = <R>(table: string, columns: Columns<R>, rows: readonly R[]) =>
    options.method === 'copy' ? copyBatch(db, table, columns, rows) : insertRows(db, table, columns, rows);
  await sql`select set_config('heard.council_id', ${council.id}, true)`.execute(db);
  let batch: SyntheticCase[] = [];
  let written = 0;
  const write = async (rows: SyntheticCase[]) => {
    await writeRows('cases', CASE_COLUMNS, rows.map((c) => c.row));
    await writeRows('case_themes', THEME_COLUMNS, rows.flatMap((c) => (c.theme ? [c.theme] : [])));
    await writeRows('case_people', PERSON_COLUMNS, rows.map((c) => c.person));
    await writeRows('case_events', EVENT_COLUMNS, rows.flatMap((c) => c.events));
    written += rows.length;
    options.onBatch?.(written);
  };
  // The database writes one batch while the next is generated: every few
  // hundred cases the generator yields to the event loop, so the statements
  // of the batch in flight are sent and the two cores work side by side.
  let inFlight: Promise<void> | null = null;
  let sinceYield = 0;
  let toSkip = options.skip ?? 0;
  for (const item of generateSyntheticCases(council, options)) {
    if (toSkip > 0) {
      toSkip -= 1;
      continue;
    }
    batch.push(item);
    if (batch.length >= batchSize) {
      if (inFlight) await inFlight;
      inFlight = write(batch);
      // Handled when awaited; until then a failure must not count as unhandled.
      inFlight.catch(() => undefined);
      batch = [];
    } else if (inFlight && (sinceYield += 1) >= 250) {
      sinceYield = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  if (inFlight) await inFlight;
  if (batch.length > 0) await write(batch);
  return written;
}

export type GenerateOptions = {
  /**
   * Bulk mode for big loads: inside the transaction, the secondary indexes of
   * the case tables are dropped and built again after the rows are in (one
   * sort instead of a million index insertions), and, for a superuser,
   * foreign keys are not re-checked row by row (the generator makes them
   * right; the tests check it with the checks on). Holds the case tables
   * locked until it commits. 'auto': from 50,000 cases when the database
   * has no cases yet.
   */
  bulk?: boolean | 'auto';
  cases: number;
  seed: number;
  councils: number;
  asOf?: string | undefined;
  years?: number | undefined;
  batchSize?: number;
  /** 'auto' (the default): COPY on PostgreSQL when the role may, else multi-row inserts. */
  method?: SyntheticWriteMethod | 'auto';
  onProgress?: (progress: SyntheticProgress) => void;
};

export type GenerateResult = {
  councils: Array<{ id: string; slug: string; name: string; cases: number }>;
  cases: number;
};

export class SyntheticCouncilExistsError extends Error {
  override name = 'SyntheticCouncilExistsError';
}

/**
 * `heard generate`: new councils with the demo's reference data and a few
 * officers each, and `cases` records shared between them, in one
 * transaction. The councils' slugs carry the seed; a seed already
 * generated into this database is refused (nothing is written).
 */
export async function generateSynthetic(database: HeardDatabase, options: GenerateOptions): Promise<GenerateResult> {
  const councils = syntheticCouncils({ seed: options.seed, councils: options.councils });
  const existing = await database.db
    .selectFrom('councils')
    .select('slug')
    .where(
      'slug',
      'in',
      councils.map((c) => c.slug),
    )
    .execute();
  if (existing.length > 0) {
    throw new SyntheticCouncilExistsError(
      `seed ${options.seed} has already been generated into this database (council "${existing[0]!.slug}"): choose another --seed`,
    );
  }
  const result: GenerateResult = { councils: [], cases: 0 };
  const bulk =
    options.bulk === true ||
    (options.bulk === 'auto' &&
      options.cases >= 50_000 &&
      (await database.db.selectFrom('cases').select('id').limit(1).execute()).length === 0);
  const method = await writeMethod(database, options.method);
  await database.db.transaction().execute(async (tx) => {
    const restoreIndexes = bulk ? await dropCaseIndexes(tx) : async () => undefined;
    for (const [index, council] of councils.entries()) {
      await sql`select set_config('heard.council_id', ${council.id}, true)`.execute(tx);
      await tx
        .insertInto('councils')
        .values({
          id: council.id,
          slug: council.slug,
          name: council.name,
          reference_prefix: council.referencePrefix,
          created_at: council.createdAt,
        })
        .execute();
      await tx
        .insertInto('divisions')
        .values(council.divisions.map((d) => ({ id: d.id, council_id: council.id, name: d.name, created_at: council.createdAt })))
        .execute();
      await tx
        .insertInto('services')
        .values(
          council.services.map((s) => ({
            id: s.id,
            council_id: council.id,
            division_id: s.divisionId,
            name: s.name,
            framework: s.framework,
            created_at: council.createdAt,
          })),
        )
        .execute();
      await tx
        .insertInto('themes')
        .values(council.themes.map((t) => ({ id: t.id, council_id: council.id, name: t.name, created_at: council.createdAt })))
        .execute();
      await tx
        .insertInto('localities')
        .values(council.localities.map((l) => ({ id: l.id, council_id: council.id, name: l.name, created_at: council.createdAt })))
        .execute();
      await tx
        .insertInto('users')
        .values(
          council.officerRows.map((o) => ({
            id: o.id,
            council_id: council.id,
            email: o.email,
            display_name: o.displayName,
            kind: 'staff' as const,
            created_at: council.createdAt,
          })),
        )
        .execute();
      await tx
        .insertInto('user_roles')
        .values(
          council.officerRows.map((o) => ({
            id: o.id,
            council_id: council.id,
            user_id: o.id,
            role: 'complaints_officer',
            created_at: council.createdAt,
          })),
        )
        .execute();
      const share = Math.floor(options.cases / councils.length) + (index < options.cases % councils.length ? 1 : 0);
      const before = result.cases;
      const written = await writeSyntheticCases(tx, council, {
        cases: share,
        seed: options.seed,
        stream: index,
        asOf: options.asOf,
        years: options.years,
        ...(options.batchSize ? { batchSize: options.batchSize } : {}),
        method,
        onBatch: (n) => options.onProgress?.({ council: index + 1, councils: councils.length, cases: before + n, total: options.cases }),
      });
      result.cases += written;
      result.councils.push({ id: council.id, slug: council.slug, name: council.name, cases: written });
    }
    await restoreIndexes();
  });
  // Fresh statistics, so the planner knows the tables' new size at once.
  await sql`analyze cases, case_themes, case_people, case_events`.execute(database.db);
  return result;
}

export type GrowOptions = Pick<GenerateOptions, 'seed' | 'asOf' | 'years' | 'batchSize' | 'method' | 'onProgress'> & {
  /** Records of the council now (made by `generateSynthetic` with `councils: 1` and the same seed and options). */
  from: number;
  /** Records it is to have. */
  to: number;
  /** As `GenerateOptions.bulk`, without 'auto'. */
  bulk?: boolean;
};

/**
 * Grows the one council of a seed generated with `councils: 1` from `from`
 * to `to` records, in one transaction: the records `generateSynthetic` would
 * have made with `cases: to`, less the first `from` it made already. So a
 * council grows 10,000 -> 100,000 -> 1,000,000 (the bench's sizes) writing
 * each record once, to the same data a single run of 1,000,000 gives.
 */
export async function growSynthetic(database: HeardDatabase, options: GrowOptions): Promise<number> {
  const council = syntheticCouncils({ seed: options.seed, councils: 1 })[0]!;
  const found = await database.db.selectFrom('councils').select('id').where('id', '=', council.id).execute();
  if (found.length === 0) throw new Error(`seed ${options.seed} has not been generated into this database: nothing to grow`);
  const method = await writeMethod(database, options.method);
  let written = 0;
  await database.db.transaction().execute(async (tx) => {
    const restoreIndexes = options.bulk ? await dropCaseIndexes(tx) : async () => undefined;
    written = await writeSyntheticCases(tx, council, {
      cases: options.to,
      skip: options.from,
      seed: options.seed,
      stream: 0,
      asOf: options.asOf,
      years: options.years,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      method,
      onBatch: (n) => options.onProgress?.({ council: 1, councils: 1, cases: options.from + n, total: options.to }),
    });
    await restoreIndexes();
  });
  await sql`analyze cases, case_themes, case_people, case_events`.execute(database.db);
  return written;
}

/** COPY on PostgreSQL when the role may (or as asked), else multi-row inserts. */
async function writeMethod(database: HeardDatabase, asked: GenerateOptions['method']): Promise<SyntheticWriteMethod> {
  const method: SyntheticWriteMethod =
    asked === 'copy' || asked === 'insert' ? asked : database.kind === 'postgres' && (await copyAllowed(database.db)) ? 'copy' : 'insert';
  if (method === 'copy' && database.kind !== 'postgres') throw new Error('COPY is for PostgreSQL only');
  return method;
}

const BULK_TABLES = ['cases', 'case_people', 'case_events', 'case_themes'];

/** Drops the case tables' secondary indexes (not primary keys or unique constraints) and returns what builds them again. */
async function dropCaseIndexes(tx: Kysely<Database>): Promise<() => Promise<void>> {
  const superuser = await sql<{ on: string }>`select current_setting('is_superuser') as on`.execute(tx);
  if (superuser.rows[0]?.on === 'on') await sql`set local session_replication_role = replica`.execute(tx);
  const indexes = await sql<{ name: string; definition: string }>`
    select i.indexname as name, i.indexdef as definition
    from pg_indexes i
    where i.schemaname = current_schema() and i.tablename in (${sql.join(BULK_TABLES)})
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.contype in ('p', 'u', 'x'))
    order by i.tablename, i.indexname`.execute(tx);
  for (const index of indexes.rows) await sql`drop index ${sql.ref(index.name)}`.execute(tx);
  return async () => {
    await sql`set local maintenance_work_mem = '256MB'`.execute(tx);
    for (const index of indexes.rows) await sql.raw(index.definition).execute(tx);
    if (superuser.rows[0]?.on === 'on') await sql`set local session_replication_role = origin`.execute(tx);
  };
}

/** An existing council's reference data and officers, as the generator takes them (e.g. the demo council). */
export async function readSyntheticCouncil(db: Kysely<Database>, councilId: string): Promise<SyntheticCouncil> {
  const council = await db.selectFrom('councils').select(['id', 'reference_prefix']).where('id', '=', councilId).executeTakeFirstOrThrow();
  const [divisions, services, themes, localities, officers, versions, closures] = await Promise.all([
    db.selectFrom('divisions').select(['id', 'name']).where('council_id', '=', councilId).orderBy('name').execute(),
    db
      .selectFrom('services')
      .select(['id', 'name', 'division_id', 'framework'])
      .where('council_id', '=', councilId)
      .orderBy('name')
      .execute(),
    db.selectFrom('themes').select(['id', 'name']).where('council_id', '=', councilId).orderBy('name').execute(),
    db.selectFrom('localities').select(['id', 'name']).where('council_id', '=', councilId).orderBy('name').execute(),
    db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('users.id')
      .where('user_roles.council_id', '=', councilId)
      .where('user_roles.role', 'in', ['complaints_officer', 'investigating_officer'])
      .orderBy('users.email')
      .execute(),
    db
      .selectFrom('timescale_policy_versions')
      .select(['effective_from', 'override'])
      .where('council_id', '=', councilId)
      .orderBy('effective_from')
      .execute(),
    db.selectFrom('closure_days').select(['date', 'name']).where('council_id', '=', councilId).orderBy('date').execute(),
  ]);
  return {
    id: council.id,
    referencePrefix: council.reference_prefix,
    divisions,
    services: services.map((s) => ({ id: s.id, name: s.name, divisionId: s.division_id ?? '', framework: s.framework })),
    themes,
    localities,
    officers: officers.map((o) => o.id),
    policyVersions: versions.map((v) => ({ effectiveFrom: v.effective_from, override: v.override as never })),
    closureDays: closures,
  };
}
