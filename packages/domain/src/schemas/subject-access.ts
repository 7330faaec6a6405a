import { z } from 'zod';
import { ZDateParts, ZEmail, ZIsoDate, ZUkPhone } from './primitives';

/**
 * Subject access (UK GDPR art. 15): who the request is about, as staff know
 * them: an email address, a phone number, or a full name with a date of
 * birth (a child on a case has no contact details of their own). At least
 * one; a name and a date of birth only together, because a name alone could
 * be anyone. Messages are keys (the back-office's `messages.subjectAccess.*`
 * where the domain's own would speak to the person filling in a form).
 */
const NOTHING = 'messages.subjectAccess.errors.nothing';
const DATE_OF_BIRTH_FOR_NAME = 'messages.subjectAccess.errors.dateOfBirthForName';
const NAME_FOR_DATE_OF_BIRTH = 'messages.subjectAccess.errors.nameForDateOfBirth';
const NAME_TOO_LONG = 'messages.subjectAccess.errors.nameTooLong';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const ZName = z.string({ error: 'errors.invalid' }).trim().max(200, { error: NAME_TOO_LONG });

type Query = { email?: string | undefined; phone?: string | undefined; name?: string | undefined; dateOfBirth?: string | undefined };

/**
 * Runs even when a field is wrong (so that every mistake shows at once, as
 * GOV.UK asks), as long as there is an object to look at; a field typed but
 * wrong still counts as given.
 */
const EVERY_MISTAKE = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

function requireSomeone(query: Query, ctx: z.RefinementCtx): void {
  if (query.name && !query.dateOfBirth) ctx.addIssue({ code: 'custom', message: DATE_OF_BIRTH_FOR_NAME, path: ['dateOfBirth'] });
  if (query.dateOfBirth && !query.name) ctx.addIssue({ code: 'custom', message: NAME_FOR_DATE_OF_BIRTH, path: ['name'] });
  if (!query.email && !query.phone && !query.name && !query.dateOfBirth)
    ctx.addIssue({ code: 'custom', message: NOTHING, path: ['email'] });
}

/** The API's input: `{ email?, phone?, name?, dateOfBirth? }` with the date as `YYYY-MM-DD`. */
export const ZSubjectAccessQuery = z
  .object({
    email: z.preprocess(blankToUndefined, ZEmail.optional()),
    phone: z.preprocess(blankToUndefined, ZUkPhone.optional()),
    name: z.preprocess(blankToUndefined, ZName.optional()),
    dateOfBirth: z.preprocess(blankToUndefined, ZIsoDate.optional()),
  })
  .strict()
  .superRefine(requireSomeone, EVERY_MISTAKE);
export type TSubjectAccessQuery = z.infer<typeof ZSubjectAccessQuery>;

/** The date of birth as typed into GOV.UK's three boxes: all three blank means "not given". */
const ZOptionalDateParts = z.preprocess((value) => {
  const parts = value as { day?: unknown; month?: unknown; year?: unknown } | undefined;
  const blank = (part: unknown) => part === undefined || (typeof part === 'string' && part.trim() === '');
  return !parts || (blank(parts.day) && blank(parts.month) && blank(parts.year)) ? undefined : parts;
}, ZDateParts.optional());

/**
 * The back-office search form: text fields as typed and the date of birth
 * in three boxes; gives the API's query. The same checks as the API, with
 * each message on the field to correct.
 */
export const ZSubjectAccessSearchForm = z
  .object({
    email: z.preprocess(blankToUndefined, ZEmail.optional()),
    phone: z.preprocess(blankToUndefined, ZUkPhone.optional()),
    name: z.preprocess(blankToUndefined, ZName.optional()),
    dateOfBirth: ZOptionalDateParts,
  })
  .superRefine(requireSomeone, EVERY_MISTAKE);
export type TSubjectAccessSearchForm = z.input<typeof ZSubjectAccessSearchForm>;
