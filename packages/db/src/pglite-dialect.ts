import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { StorageUnwritableError } from './unavailable';

/**
 * A Kysely dialect for PGlite that runs one connection's work at a time.
 *
 * PGlite is a single database session. Two Kysely transactions sharing it are
 * not isolated: measured with kysely-pglite, a rollback in one silently threw
 * away a row that another had committed, and a plain query issued while
 * another caller's transaction is open runs inside that transaction. So every
 * acquisition of "the connection" (a single query, or a whole transaction)
 * waits for the previous one to be released: a FIFO mutex. See
 * docs/adr/0002-pglite-embedded-default.md.
 */
export function createPGliteDialect(pglite: PGlite, options: { dataDir?: string } = {}): Dialect {
  const assertWritable = options.dataDir ? writableCheck(options.dataDir) : null;
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new SerialisedPGliteDriver(pglite, assertWritable),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

class SerialisedPGliteDriver implements Driver {
  readonly #pglite: PGlite;
  readonly #connection: PGliteConnection;
  #tail: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(pglite: PGlite, assertWritable: (() => void) | null) {
    this.#pglite = pglite;
    this.#connection = new PGliteConnection(pglite, assertWritable);
  }

  async init(): Promise<void> {
    await this.#pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    // PGlite answers from WebAssembly in the same thread, with no I/O, so a
    // chain of queries settles as microtasks alone and never lets the event
    // loop turn: sockets, timers and other requests would wait for the whole
    // chain (a queue of callers drains in one go). Give the loop a turn
    // before each caller's work (measured: a setTimeout(0) did not fire
    // during 3,000 awaited queries without this).
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.#release = release;
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    const access = settings.accessMode ? ` ${settings.accessMode}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}${access}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${name}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${name}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${name}`));
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    // Wait for work in flight, then close the files cleanly.
    await this.#tail;
    if (!this.#pglite.closed) await this.#pglite.close();
  }
}

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  readonly #assertWritable: (() => void) | null;

  constructor(pglite: PGlite, assertWritable: (() => void) | null) {
    this.#pglite = pglite;
    this.#assertWritable = assertWritable;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#assertWritable) await this.#refuseUnwritableFolder(compiledQuery.sql);
    if (compiledQuery.parameters.length === 0 && isScript(compiledQuery.sql)) {
      // Several statements without parameters: node-postgres sends these by
      // the simple query protocol, so do the same (the job queue installs and
      // maintains its schema with such scripts). The last statement's rows.
      const results = await this.#pglite.exec(compiledQuery.sql);
      const last = results[results.length - 1];
      return { rows: (last?.rows ?? []) as R[] };
    }
    const result = await this.#pglite.query<R>(compiledQuery.sql, compiledQuery.parameters as unknown[]);
    return result.affectedRows === undefined
      ? { rows: result.rows }
      : { rows: result.rows, numAffectedRows: BigInt(result.affectedRows) };
  }

  /**
   * When the data folder stops being writable under the running app (a
   * read-only remount, immutable files, lost permissions), PGlite must not
   * be asked to work on it. PostgreSQL cannot write its log at a commit, and
   * inside PGlite that failure never returns: the WebAssembly spins and the
   * whole process stops answering (measured: 100% CPU, no system calls, for
   * as long as we waited). And a file PostgreSQL failed to create is left
   * half-known to PGlite's file layer: "could not create file ...: File
   * exists" on every later write, long after the folder is writable again
   * (found by the fault suite). So the folder is checked before every
   * statement but a rollback: when it cannot be written, an open transaction
   * is rolled back (that writes nothing) and the caller gets an error the
   * apps answer with "service unavailable"; once the folder is writable
   * again, service resumes. What remains is the instant between the check
   * and the statement.
   */
  async #refuseUnwritableFolder(text: string): Promise<void> {
    if (/^\s*rollback\b/i.test(text)) return;
    try {
      this.#assertWritable!();
    } catch (error) {
      if (this.#pglite.isInTransaction()) await this.#pglite.query('rollback');
      throw error;
    }
  }

  /**
   * PGlite returns a statement's rows at once, so "streaming" yields them in
   * chunks from memory: fine for the embedded default's sizes; PostgreSQL
   * streams with a cursor.
   */
  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize = 1000): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(compiledQuery);
    for (let i = 0; i < rows.length; i += chunkSize) yield { rows: rows.slice(i, i + chunkSize) };
  }
}

/**
 * Throws StorageUnwritableError unless the data folder's files can be opened
 * for writing: PG_VERSION is opened read-write and closed, which changes
 * nothing (not even its time) and costs two system calls.
 */
function writableCheck(dataDir: string): () => void {
  const probe = path.join(dataDir, 'PG_VERSION');
  return () => {
    try {
      closeSync(openSync(probe, 'r+'));
    } catch (error) {
      throw new StorageUnwritableError(dataDir, error);
    }
  };
}

/** True when `text` has a statement after a semicolon (a script, not one statement). */
function isScript(text: string): boolean {
  const semicolon = text.indexOf(';');
  return semicolon !== -1 && text.slice(semicolon + 1).trim().length > 0;
}
