import type { z } from 'zod';
import type { Language } from '../vocabulary';
import { formatMessage, isDomainMessageKey } from './messages';
import type { DomainMessage, DomainMessageKey, MessageParams } from './messages';

/** One validation error for one field, ready for a GOV.UK error summary. */
export type FieldError = DomainMessage & {
  /** The field's path, dot-separated (`complainant.email`), or '' for the whole form. */
  path: string;
};

type Issue = z.ZodError['issues'][number];

function paramsOf(issue: Issue): MessageParams {
  const params: Record<string, string | number> = {};
  if (issue.code === 'too_big') params.max = Number(issue.maximum);
  if (issue.code === 'too_small') params.min = Number(issue.minimum);
  if (issue.code === 'unrecognized_keys') params.name = issue.keys.join(', ');
  if (issue.code === 'invalid_value') params.allowed = issue.values.map(String).join(', ');
  if (issue.code === 'custom' && issue.params) {
    for (const [name, value] of Object.entries(issue.params)) {
      if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    }
  }
  return params;
}

function keyOf(issue: Issue): DomainMessageKey {
  if (issue.code === 'unrecognized_keys') return 'errors.unknownField';
  if (isDomainMessageKey(issue.message)) return issue.message;
  // zod's own English text never reaches a person: fall back to a plain message.
  if (issue.code === 'invalid_value') return 'errors.choice.invalid';
  if (issue.code === 'too_big') return issue.origin === 'array' ? 'errors.list.tooLong' : 'errors.text.tooLong';
  return 'errors.invalid';
}

/**
 * A zod error as message keys and parameters per field, in the order the
 * issues arose (the error summary lists them in that order).
 *
 * @example toFieldErrors(ZEmail.safeParse('x').error!) // [{ path: '', key: 'errors.email.invalid', params: {} }]
 */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    key: keyOf(issue),
    params: paramsOf(issue),
  }));
}

/** `toFieldErrors`, rendered in a language: `{ path, text }`. */
export function formatFieldErrors(error: z.ZodError, language: Language): { path: string; text: string }[] {
  return toFieldErrors(error).map((fieldError) => ({
    path: fieldError.path,
    text: formatMessage(language, fieldError.key, fieldError.params),
  }));
}
