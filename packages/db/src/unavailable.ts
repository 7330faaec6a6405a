/**
 * Whether an error means the database cannot be used just now (it is
 * restarting, unreachable, out of connections, out of disk, or read-only),
 * rather than that the request was wrong: the apps answer these with
 * "service unavailable" (503) and the person tries again, where a retry is
 * safe because every submission carries an idempotency key.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown (pg_ctl stop/restart -m fast or immediate)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '08007', // transaction_resolution_unknown
  '53000', // insufficient_resources
  '53100', // disk_full
  '53200', // out_of_memory
  '53300', // too_many_connections
  '25006', // read_only_sql_transaction (a read-only database or replica)
  '58030', // io_error
]);

const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOSPC',
  'EROFS',
  'EDQUOT',
]);

const UNAVAILABLE_MESSAGES =
  /Connection terminated|terminating connection|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|the database system is (starting up|shutting down|in recovery)|read-only transaction|No space left on device|read-only file system|could not (open|create|extend|write to) file|PGlite is closed/i;

/** The embedded database's folder cannot be written: nothing was committed. */
export class StorageUnwritableError extends Error {
  constructor(dataDir: string, cause: unknown) {
    const code = (cause as { code?: unknown } | null)?.code;
    super(`The embedded database's folder ${dataDir} cannot be written${typeof code === 'string' ? ` (${code})` : ''}: nothing was saved`, { cause });
    this.name = 'StorageUnwritableError';
  }
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (error instanceof StorageUnwritableError) return true;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATES.has(e.code) || UNAVAILABLE_ERRNOS.has(e.code))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
