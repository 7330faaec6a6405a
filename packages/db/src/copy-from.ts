import { once } from 'node:events';
import { CompiledQuery, type Kysely } from 'kysely';

/**
 * `COPY table (columns) FROM STDIN` on PostgreSQL, inside whatever Kysely
 * transaction (or connection) is given: the bulk path of `heard generate`
 * and of the import's staging table, several times cheaper for the server
 * than `insert ... select from unnest(arrays)` (no array parsing) and for
 * Node (no array literals to build).
 *
 * No extra dependency: node-postgres runs any object with a `submit` method
 * as a query (its "submittable" interface, as pg-cursor and pg-copy-streams
 * use), and Kysely's PostgreSQL connection hands a compiled query's `sql`
 * straight to `client.query`. So the submittable travels as the `sql` of a
 * compiled query, on the transaction's own client. PostgreSQL only: PGlite
 * takes no COPY FROM STDIN through its Kysely dialect (callers keep their
 * batched inserts there).
 *
 * COPY FROM refuses a table with row-level security unless the role bypasses
 * it (a superuser, or BYPASSRLS): `copyAllowed` says which case this is. A
 * temporary table has no policies, so any role may COPY into one.
 */

/** A column's value as COPY's text format spells it: `\N` for null, t/f, backslash escapes. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (c) => ESCAPES[c]!) : text;
}
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPED = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Builds COPY text-format data a row at a time, in chunks of about `chunkBytes`. */
export class CopyBuffer {
  readonly chunks: string[] = [];
  rows = 0;
  private current: string[] = [];
  private size = 0;
  constructor(private readonly chunkBytes = 256 * 1024) {}
  /** One row: its values in the COPY statement's column order. */
  push(values: readonly unknown[]): void {
    let line = '';
    for (let i = 0; i < values.length; i += 1) line += (i === 0 ? '' : '\t') + copyText(values[i]);
    line += '\n';
    this.current.push(line);
    this.size += line.length;
    this.rows += 1;
    if (this.size >= this.chunkBytes) this.cut();
  }
  /** The chunks to send (the last one closed). */
  done(): string[] {
    this.cut();
    return this.chunks;
  }
  private cut() {
    if (this.current.length === 0) return;
    this.chunks.push(this.current.join(''));
    this.current = [];
    this.size = 0;
  }
}

/** The part of node-postgres's connection a submittable is given. */
type PgConnection = {
  query: (text: string) => void;
  sendCopyFromChunk: (chunk: Buffer) => void;
  endCopyFrom: () => void;
  sendCopyFail: (message: string) => void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean; destroyed?: boolean };
};

type CopyResult = { command: string; rowCount: number; rows: never[] };

/**
 * node-postgres's submittable for one COPY ... FROM STDIN (the protocol's
 * copy-in sub-protocol). A String of the statement's text, so that whatever
 * reads a compiled query's `sql` as text (a Kysely `log` function) still can.
 */
class CopyFromStdin extends String {
  private failed = false;
  /** The rows the server says it copied. */
  copied = 0;
  private resolve!: (result: CopyResult) => void;
  private reject!: (error: unknown) => void;
  private readonly promise = new Promise<CopyResult>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });

  constructor(
    private readonly text: string,
    private readonly chunks: readonly string[],
  ) {
    super(text);
  }

  submit(connection: PgConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: PgConnection): void {
    void this.send(connection);
  }

  private async send(connection: PgConnection): Promise<void> {
    try {
      for (const chunk of this.chunks) {
        if (this.failed) return;
        connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
        if (connection.stream.writableNeedDrain) {
          await Promise.race([once(connection.stream, 'drain'), once(connection.stream, 'close')]);
          if (connection.stream.destroyed) return;
        }
      }
      if (!this.failed) connection.endCopyFrom();
    } catch (error) {
      if (!this.failed) connection.sendCopyFail(error instanceof Error ? error.message : String(error));
    }
  }

  handleCommandComplete(message: { text?: string }): void {
    this.copied = Number(/^COPY (\d+)/.exec(message.text ?? '')?.[1] ?? 0);
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.resolve({ command: 'COPY', rowCount: this.copied, rows: [] });
  }

  handleError(error: unknown): void {
    this.failed = true;
    this.reject(error);
  }

  // Messages a COPY FROM does not get; present because node-postgres may call them on any query.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}

  /** Kysely awaits what `client.query` returns: this object, settled when the server is ready again. */
  then<T1 = CopyResult, T2 = never>(
    onFulfilled?: ((value: CopyResult) => T1 | PromiseLike<T1>) | null,
    onRejected?: ((reason: unknown) => T2 | PromiseLike<T2>) | null,
  ): Promise<T1 | T2> {
    return this.promise.then(onFulfilled, onRejected);
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Any Kysely instance or transaction (only its `executeQuery` is used). */
type Executor = Pick<Kysely<unknown>, 'executeQuery'>;

/**
 * Runs `COPY table (columns) FROM STDIN` with `data` (from `CopyBuffer`) on
 * the connection of `db` (a transaction: the rows are part of it). PostgreSQL
 * only. Returns the rows the server counted.
 */
export async function copyRows(db: Executor, table: string, columns: readonly string[], data: readonly string[]): Promise<number> {
  for (const name of [table, ...columns]) if (!IDENTIFIER.test(name)) throw new Error(`copyRows: not a plain identifier: ${name}`);
  if (data.length === 0) return 0;
  const submittable = new CopyFromStdin(`copy ${table} (${columns.join(', ')}) from stdin`, data);
  const compiled = { ...CompiledQuery.raw(String(submittable)), sql: submittable as unknown as string };
  await db.executeQuery(compiled);
  return submittable.copied;
}

/** Whether this connection's role may COPY into the tables with row-level security (a superuser, or BYPASSRLS). */
export async function copyAllowed(db: Executor): Promise<boolean> {
  const result = await db.executeQuery<{ bypass: boolean }>(
    CompiledQuery.raw(`select (rolsuper or rolbypassrls) as bypass from pg_roles where rolname = current_user`),
  );
  return result.rows[0]?.bypass === true;
}
