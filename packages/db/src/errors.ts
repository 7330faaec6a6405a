/**
 * The database's errors, apart from everything else so that the command line
 * can recognise them without loading a driver (`@heard/db/errors`).
 */

/** A configuration problem worth one clear line to the operator, not a stack trace. */
export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

/** One line for an error, with the driver's code when its message leaves it out. */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  const e = error as { code?: string; message?: string };
  if (e?.code && e.message && !e.message.includes(e.code)) return `${e.code} ${e.message}`;
  return e?.message ?? String(error);
}
