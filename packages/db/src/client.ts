import { existsSync, mkdirSync, accessSync, constants, readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { readDatabaseEnv } from './env';
import { DatabaseConfigError, describeError } from './errors';
import { createPGliteDialect } from './pglite-dialect';
import type { Database } from './schema/tables';

export type DatabaseKind = 'postgres' | 'pglite';
export type Tx = Transaction<Database>;

/**
 * The one handle to Heard's database. `db` is the owner connection (migrations,
 * the command line's bulk work); everything done for a person goes through
 * `withCouncil`, which runs as the non-owner role `heard_app` with row-level
 * security selecting the council.
 */
export type HeardDatabase = {
  kind: DatabaseKind;
  /** Where the data lives, without credentials, for logs and error lines. */
  location: string;
  db: Kysely<Database>;
  /**
   * Runs `work` in one transaction as `heard_app`, seeing only `councilId`'s
   * rows (`null`: no council's rows, only public tables such as councils).
   */
  withCouncil: <T>(councilId: string | null, work: (tx: Tx) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
  /** PGlite only: a gzipped copy of the data folder (backups, test templates). */
  dumpDataDir?: () => Promise<Blob>;
};

export type OpenDatabaseOptions = {
  /** `postgres://...`; when absent the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** PGlite folder, or 'memory'. Default `.data/pglite` at the repository root. */
  dataDir?: string | undefined;
  poolSize?: number;
  /** A PGlite data folder dump to start from (tests start from a migrated template). */
  loadDataDir?: Blob | File;
};

/** Opens the database chosen by the environment (contracts.md "Database selection"). */
export async function openDatabaseFromEnv(env: Record<string, string | undefined> = process.env): Promise<HeardDatabase> {
  const settings = readDatabaseEnv(env);
  return openDatabase({
    databaseUrl: settings.DATABASE_URL,
    dataDir: settings.HEARD_DATA_DIR,
    poolSize: settings.DATABASE_POOL_SIZE,
  });
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<HeardDatabase> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPGlite(options);
}

// node-postgres turns DATE into a JavaScript Date at local midnight, which
// shifts a calendar date across time zones: keep the 'YYYY-MM-DD' text.
const PG_DATE = 1082;
const PG_INT8 = 20;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === PG_DATE) return (value: string) => value;
    if (oid === PG_INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

async function openPostgres(url: string, poolSize: number): Promise<HeardDatabase> {
  const location = describeUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes, connectionTimeoutMillis: 5000 });
  // A pool emits 'error' when an idle client's server goes away (a restart):
  // the client is discarded and the next query reconnects; do not crash.
  pool.on('error', () => undefined);
  // A client checked out of the pool has no such listener: when the server goes
  // away between two statements of a transaction, node-postgres emits 'error' on
  // the client itself, and unhandled that kills the process (found by the fault
  // suite: `pg_ctl restart -m immediate` under load). The statement in flight,
  // if any, still fails with the error (the request gets a 503), and the pool
  // drops the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseConfigError(`Cannot connect to the database at ${location}: ${describeError(error)}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return buildHandle('postgres', location, db);
}

async function openPGlite(options: OpenDatabaseOptions): Promise<HeardDatabase> {
  const requested = options.dataDir ?? path.join(findRepositoryRoot(), '.data', 'pglite');
  const inMemory = requested === 'memory' || requested === 'memory://';
  const dataDir = inMemory ? undefined : path.resolve(requested);
  let releaseLock = (): void => undefined;
  if (dataDir) {
    ensureWritableFolder(dataDir);
    releaseLock = lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: { [PG_DATE]: (value: string) => value },
    });
  } catch (error) {
    releaseLock();
    throw new DatabaseConfigError(`Cannot open the embedded database at ${dataDir ?? 'memory'}: ${describeError(error)}`);
  }
  const db = new Kysely<Database>({ dialect: createPGliteDialect(pglite, dataDir ? { dataDir } : {}) });
  const handle = buildHandle('pglite', dataDir ? `embedded PGlite at ${dataDir}` : 'embedded PGlite in memory', db);
  return {
    ...handle,
    dumpDataDir: () => pglite.dumpDataDir('gzip'),
    close: async () => {
      await handle.close();
      releaseLock();
    },
  };
}

function buildHandle(kind: DatabaseKind, location: string, db: Kysely<Database>): HeardDatabase {
  return {
    kind,
    location,
    db,
    withCouncil: (councilId, work) =>
      db.transaction().execute(async (tx) => {
        // One round trip: become the app role and pick the council, both
        // local to this transaction so a pooled connection carries nothing on.
        await sql`select set_config('role', 'heard_app', true), set_config('heard.council_id', ${councilId ?? ''}, true)`.execute(tx);
        return work(tx);
      }),
    close: () => db.destroy(),
  };
}

/** The folder holding pnpm-workspace.yaml above the working directory, else the working directory. */
export function findRepositoryRoot(start = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}

function ensureWritableFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new DatabaseConfigError(`HEARD_DATA_DIR ${dir} is not a writable folder: ${describeError(error)}`);
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder
 * would corrupt it. A lock file with the owner's pid turns that into a clear
 * error; a lock left by a process that died is taken over.
 */
function lockDataDir(dir: string): () => void {
  const lockFile = path.join(dir, 'heard.lock');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid !== process.pid && isProcessAlive(pid)) {
      throw new DatabaseConfigError(
        `The embedded database at ${dir} is in use by process ${pid}; stop it first, or set DATABASE_URL to use PostgreSQL`,
      );
    }
  }
  try {
    writeFileSync(lockFile, String(process.pid));
  } catch (error) {
    throw new DatabaseConfigError(`HEARD_DATA_DIR ${dir} is not a writable folder: ${describeError(error)}`);
  }
  return () => rmSync(lockFile, { force: true });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    throw new DatabaseConfigError('DATABASE_URL is not a valid URL (expected postgres://user@host:port/database)');
  }
}
