import { TRPCError } from '@trpc/server';

/**
 * Why a call was refused, as a message key the apps translate (English and
 * Welsh) with its parameters. Procedures throw `AppError`; the error formatter
 * in trpc.ts turns it, and zod's input errors, into `data.messageKey` and
 * `data.fieldErrors`, so every caller gets the same clear shape.
 */
export const APP_ERROR_CODES = {
  BAD_INPUT: 'BAD_REQUEST',
  NOT_SIGNED_IN: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  REFUSED: 'UNPROCESSABLE_CONTENT',
  TOO_MANY: 'TOO_MANY_REQUESTS',
  /** The database cannot be reached or written just now: try again (503). */
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;
export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export type MessageParams = Record<string, string | number>;

export class AppError extends TRPCError {
  readonly messageKey: string;
  readonly params: MessageParams;
  readonly fieldErrors: Record<string, string>;

  constructor(
    code: AppErrorCode,
    messageKey: string,
    options: { params?: MessageParams; fieldErrors?: Record<string, string> } = {},
  ) {
    super({ code: APP_ERROR_CODES[code], message: messageKey });
    this.messageKey = messageKey;
    this.params = options.params ?? {};
    this.fieldErrors = options.fieldErrors ?? {};
  }
}

export type ApiErrorDescription = {
  /** The HTTP status the error stands for (400, 401, 403, 404, 409, 422, 429, 500, 503). */
  status: number;
  messageKey: string;
  params: MessageParams;
  /** Field path ('email', 'child.dateOfBirth') to message key. */
  fieldErrors: Record<string, string>;
};

const STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** A message key (`errors.date.invalid`), as opposed to a library's English sentence. */
const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/;

/**
 * What went wrong with a call, in the shape the apps render: used by the
 * HTTP error formatter and by the apps' server-side callers alike, so that
 * a refusal reads the same however the API was reached.
 */
export function describeApiError(error: unknown): ApiErrorDescription {
  // Checked by shape, not instanceof: the apps' server bundles carry their own
  // copies of tRPC and zod, so classes from here are not theirs.
  const e = error as { name?: unknown; code?: unknown; cause?: unknown; messageKey?: unknown; params?: unknown; fieldErrors?: unknown };
  if (!e || typeof e !== 'object' || e.name !== 'TRPCError' || typeof e.code !== 'string') {
    return { status: 500, messageKey: 'errors.generic', params: {}, fieldErrors: {} };
  }
  const status = STATUS[e.code] ?? 500;
  if (typeof e.messageKey === 'string') {
    // Field errors a procedure took from a schema of its own: zod's English sentences become "check this answer" too.
    const fieldErrors = Object.fromEntries(
      Object.entries((e.fieldErrors ?? {}) as Record<string, string>).map(([field, key]) => [field, MESSAGE_KEY.test(key) ? key : 'errors.invalid']),
    );
    return { status, messageKey: e.messageKey, params: (e.params ?? {}) as MessageParams, fieldErrors };
  }
  const issues = (e.cause as { issues?: unknown } | undefined)?.issues;
  if (Array.isArray(issues)) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of issues as Array<{ path: PropertyKey[]; message: string }>) {
      // Domain schemas carry message keys as their messages; keep the first per field. A
      // schema without its own message leaves zod's English sentence: say "check this answer".
      fieldErrors[issue.path.map(String).join('.') || '_'] ??= MESSAGE_KEY.test(issue.message) ? issue.message : 'errors.invalid';
    }
    return { status: 400, messageKey: 'errors.input', params: {}, fieldErrors };
  }
  const messageKey =
    e.code === 'UNAUTHORIZED'
      ? 'errors.notSignedIn'
      : e.code === 'FORBIDDEN'
        ? 'errors.forbidden'
        : e.code === 'NOT_FOUND'
          ? 'errors.notFound'
          : e.code === 'SERVICE_UNAVAILABLE'
            ? 'errors.unavailable'
            : 'errors.generic';
  return { status, messageKey, params: {}, fieldErrors: {} };
}

/** The key under which a form's general (not field-specific) message travels. */
export const FORM_ERROR = '_form';

/**
 * A refused call as a form's errors (field -> message key, plus `_form` for
 * the summary line), or rethrows what is not the person's to fix (a 5xx).
 */
export function toFormErrors(error: unknown): { status: number; errors: Record<string, string>; params: MessageParams } {
  const described = describeApiError(error);
  if (described.status >= 500) throw error;
  const errors = { ...described.fieldErrors };
  if (Object.keys(errors).length === 0 || described.messageKey !== 'errors.input') errors[FORM_ERROR] = described.messageKey;
  return { status: described.status, errors, params: described.params };
}
