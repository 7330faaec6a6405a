import { z } from 'zod';
import { isIsoDate } from '../calendar/iso-date';
import type { DomainMessageKey } from './messages';

/**
 * Building blocks of the domain's zod schemas. Every message is a key of the
 * domain catalogue (`messages.ts`), never English text, so the forms show it
 * in English or Welsh.
 */

/** Typed message key: a typo fails the typecheck. */
export function messageKey(key: DomainMessageKey): DomainMessageKey {
  return key;
}

type TextOptions = {
  max: number;
  min?: number;
  /** Message when the text is missing or blank. */
  required?: DomainMessageKey;
  /** Message when it is too long (gets `{{max}}`). */
  tooLong?: DomainMessageKey;
};

/**
 * Free text as it is stored: line breaks as `\n`, whichever way they came (a
 * browser sends a text area's as `\r\n`, the API's other clients and the
 * import often `\n`, an old Mac file `\r`), so stored text is the same
 * however it was typed and its length is the one the person's browser
 * counted; and without NUL characters, which no one types and PostgreSQL
 * text cannot hold (a save would fail).
 *
 * @example normaliseText('one\r\ntwo\rthree\u0000') // 'one\ntwo\nthree'
 */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replaceAll('\u0000', '');
}

/**
 * Required text: line breaks as `\n` and no NUL (`normaliseText`), trimmed, not blank, at most `max` characters.
 *
 * @example zText({ max: 5000, required: 'errors.whatHappened.required' })
 */
export function zText({ max, min = 1, required = 'errors.text.required', tooLong = 'errors.text.tooLong' }: TextOptions) {
  return z
    .string({ error: required })
    .overwrite(normaliseText)
    .trim()
    .min(min, { error: min <= 1 ? required : 'errors.text.tooShort' })
    .max(max, { error: tooLong });
}

/** Optional text: blank becomes `undefined`, so an empty form field means "no answer"; line breaks as in `zText`. */
export function zOptionalText({ max, tooLong = 'errors.text.tooLong' }: { max: number; tooLong?: DomainMessageKey }) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string({ error: 'errors.invalid' }).overwrite(normaliseText).trim().max(max, { error: tooLong }).optional(),
  );
}

/**
 * One of a list of codes. A missing answer gets `required`; anything else
 * "Select one of the options".
 */
export function zChoice<const T extends readonly [string, ...string[]]>(values: T, required: DomainMessageKey = 'errors.choice.required') {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined || issue.input === '' ? required : 'errors.choice.invalid'),
  });
}

/**
 * A real calendar date written `YYYY-MM-DD` (so `2023-02-30` is refused).
 * The API and the import use it; forms use `ZDateParts`.
 */
export const ZIsoDate = z
  .string({ error: (issue) => (issue.input === undefined ? 'errors.date.required' : 'errors.date.format') })
  .refine(isIsoDate, { error: 'errors.date.format' });
export type TIsoDate = z.infer<typeof ZIsoDate>;

/**
 * A date typed into GOV.UK's three boxes (day, month, year), checked the way
 * GOV.UK's date pattern asks: say which part is missing, then whether it is
 * real. Produces `YYYY-MM-DD`.
 *
 * @example ZDateParts.parse({ day: '29', month: '3', year: '2024' }) // '2024-03-29'
 */
export const ZDateParts = z
  .object({
    day: z.string().trim().default(''),
    month: z.string().trim().default(''),
    year: z.string().trim().default(''),
  })
  .transform((parts, ctx) => {
    const { day, month, year } = parts;
    if (day === '' && month === '' && year === '') {
      ctx.addIssue({ code: 'custom', message: 'errors.date.required' });
      return z.NEVER;
    }
    const missing = day === '' ? 'day' : month === '' ? 'month' : year === '' ? 'year' : undefined;
    if (missing) {
      const key =
        missing === 'day' ? 'errors.date.missingDay' : missing === 'month' ? 'errors.date.missingMonth' : 'errors.date.missingYear';
      ctx.addIssue({ code: 'custom', message: key, path: [missing] });
      return z.NEVER;
    }
    if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d+$/.test(year)) {
      ctx.addIssue({ code: 'custom', message: 'errors.date.invalid' });
      return z.NEVER;
    }
    if (year.length !== 4) {
      ctx.addIssue({ code: 'custom', message: 'errors.date.yearFourDigits', path: ['year'] });
      return z.NEVER;
    }
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    if (!isIsoDate(iso)) {
      ctx.addIssue({ code: 'custom', message: 'errors.date.invalid' });
      return z.NEVER;
    }
    return iso;
  });
export type TDateParts = z.input<typeof ZDateParts>;

/** An email address, trimmed; at most 254 characters (RFC 5321). */
export const ZEmail = z
  .string({ error: 'errors.email.required' })
  .trim()
  .min(1, { error: 'errors.email.required' })
  .max(254, { error: 'errors.email.invalid' })
  .pipe(z.email({ error: 'errors.email.invalid' }));

/**
 * Normalises a UK phone number as people type it ("+44 (0)7700 900982",
 * "07700-900-982") to its national digits ("07700900982"), or `undefined`
 * when it cannot be a UK number: 11 digits starting 0 (not 00), or 10 for
 * the only numbers that have 10 (some 01 areas with shorter local numbers,
 * and 0800 freephone). A mobile number with a digit missing is refused,
 * because nobody could call it back.
 *
 * @example normaliseUkPhone('+44 (0) 7700 900 982') // '07700900982'
 */
export function normaliseUkPhone(input: string): string | undefined {
  let digits = input.trim().replace(/[\s\-().]/g, '');
  if (digits.startsWith('+44')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`;
  // "+44 (0)7700..." leaves a doubled 0 after the country code.
  if (digits.startsWith('00')) digits = digits.slice(1);
  if (!/^0[1-9]\d{9}$/.test(digits) && !/^(?:01\d{8}|0800\d{6})$/.test(digits)) return undefined;
  return digits;
}

/** A UK phone number, stored as national digits (`07700900982`). */
export const ZUkPhone = z
  .string({ error: 'errors.phone.required' })
  .trim()
  .min(1, { error: 'errors.phone.required' })
  .max(30, { error: 'errors.phone.invalid' })
  .transform((value, ctx) => {
    const phone = normaliseUkPhone(value);
    if (phone === undefined) {
      ctx.addIssue({ code: 'custom', message: 'errors.phone.invalid' });
      return z.NEVER;
    }
    return phone;
  });

/** A UK postcode, normalised to upper case with one space ("SW1A 1AA"). */
export const ZPostcode = z
  .string({ error: 'errors.postcode.invalid' })
  .trim()
  .transform((value, ctx) => {
    const compact = value.replace(/\s+/g, '').toUpperCase();
    if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) {
      ctx.addIssue({ code: 'custom', message: 'errors.postcode.invalid' });
      return z.NEVER;
    }
    return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  });

/** A postal address: lines and a postcode. */
export const ZPostalAddress = z.object({
  line1: zText({ max: 200, required: 'errors.address.required' }),
  line2: zOptionalText({ max: 200 }),
  town: zOptionalText({ max: 100 }),
  postcode: ZPostcode,
});
export type TPostalAddress = z.infer<typeof ZPostalAddress>;

/** Identifiers of stored things (users, services, uploads): UUIDs. */
export const ZId = z.uuid({ error: 'errors.id.invalid' });

/** A whole number of days. */
export function zWholeNumber(min: number, max: number) {
  return z
    .number({ error: 'errors.number.wholeNumber' })
    .int({ error: 'errors.number.wholeNumber' })
    .min(min, { error: 'errors.number.tooSmall' })
    .max(max, { error: 'errors.number.tooBig' });
}

/** An amount of money in pounds, to the penny, from 0 to 1,000,000. */
export const ZPounds = z
  .number({ error: 'errors.money.invalid' })
  .min(0, { error: 'errors.money.invalid' })
  .max(1_000_000, { error: 'errors.money.invalid' })
  .refine((value) => Math.round(value * 100) === Number((value * 100).toFixed(6)), { error: 'errors.money.invalid' });

/** A real date no later than `today` (pass today's UK date: nothing is received in the future). */
export function zDateNotAfter(today: string) {
  return ZIsoDate.refine((value) => value <= today, { error: 'errors.date.inFuture' });
}

/** A real date from `from` to `to` inclusive. */
export function zDateBetween(from: string, to: string) {
  return ZIsoDate.superRefine((value, ctx) => {
    if (value < from || value > to) ctx.addIssue({ code: 'custom', message: 'errors.date.outOfRange', params: { from, to } });
  });
}
