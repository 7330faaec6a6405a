import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatFieldErrors, toFieldErrors } from './field-errors';
import {
  ZDateParts,
  ZEmail,
  ZIsoDate,
  ZPostcode,
  ZPounds,
  ZUkPhone,
  normaliseUkPhone,
  zDateBetween,
  zDateNotAfter,
  zOptionalText,
  zText,
} from './primitives';

function keys(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : toFieldErrors(result.error).map((e) => e.key);
}

describe('dates', () => {
  it('YYYY-MM-DD real dates only', () => {
    expect(ZIsoDate.parse('2024-02-29')).toBe('2024-02-29');
    expect(keys(ZIsoDate, '2023-02-30')).toEqual(['errors.date.format']);
    expect(keys(ZIsoDate, '29/03/2024')).toEqual(['errors.date.format']);
    expect(keys(ZIsoDate, undefined)).toEqual(['errors.date.required']);
  });

  it('GOV.UK date parts: says which part is missing, then whether it is real', () => {
    expect(ZDateParts.parse({ day: '8', month: '5', year: '2023' })).toBe('2023-05-08');
    expect(keys(ZDateParts, { day: '', month: '', year: '' })).toEqual(['errors.date.required']);
    expect(keys(ZDateParts, { day: '30', month: '', year: '2023' })).toEqual(['errors.date.missingMonth']);
    expect(keys(ZDateParts, { day: '30', month: '2', year: '2023' })).toEqual(['errors.date.invalid']);
    expect(keys(ZDateParts, { day: '1', month: '2', year: '23' })).toEqual(['errors.date.yearFourDigits']);
    expect(keys(ZDateParts, { day: 'x', month: '2', year: '2023' })).toEqual(['errors.date.invalid']);
  });

  it('not after today; within a range', () => {
    expect(keys(zDateNotAfter('2024-03-28'), '2024-03-29')).toEqual(['errors.date.inFuture']);
    expect(keys(zDateNotAfter('2024-03-28'), '2024-03-28')).toEqual([]);
    const result = zDateBetween('2019-01-01', '2029-12-31').safeParse('2031-01-01');
    expect(result.success ? [] : toFieldErrors(result.error)).toEqual([
      { path: '', key: 'errors.date.outOfRange', params: { from: '2019-01-01', to: '2029-12-31' } },
    ]);
  });
});

describe('contact details', () => {
  it('emails', () => {
    expect(ZEmail.parse('  sam@example.com ')).toBe('sam@example.com');
    expect(keys(ZEmail, 'sam@')).toEqual(['errors.email.invalid']);
    expect(keys(ZEmail, '')).toEqual(['errors.email.required']);
  });

  it('UK phone numbers, as people type them', () => {
    expect(normaliseUkPhone('07700 900 982')).toBe('07700900982');
    expect(normaliseUkPhone('+44 (0)7700 900982')).toBe('07700900982');
    expect(normaliseUkPhone('+44 7700 900982')).toBe('07700900982');
    expect(normaliseUkPhone('0044 1632 960001')).toBe('01632960001');
    expect(normaliseUkPhone('(01632) 960-001')).toBe('01632960001');
    expect(normaliseUkPhone('020 7946 0000')).toBe('02079460000');
    // The only UK numbers with 10 digits: some 01 areas, and 0800.
    expect(normaliseUkPhone('016977 3456')).toBe('0169773456');
    expect(normaliseUkPhone('0800 123 456')).toBe('0800123456');
    // A mobile number with a digit missing, and one too many.
    expect(normaliseUkPhone('0770090098')).toBeUndefined();
    expect(normaliseUkPhone('077009009820')).toBeUndefined();
    expect(normaliseUkPhone('020 7946 000')).toBeUndefined();
    expect(normaliseUkPhone('12345')).toBeUndefined();
    expect(normaliseUkPhone('+33 1 23 45 67 89')).toBeUndefined();
    expect(ZUkPhone.parse('07700 900 982')).toBe('07700900982');
    expect(keys(ZUkPhone, '999')).toEqual(['errors.phone.invalid']);
  });

  it('postcodes', () => {
    expect(ZPostcode.parse('sw1a1aa')).toBe('SW1A 1AA');
    expect(ZPostcode.parse(' CF10 3NQ ')).toBe('CF10 3NQ');
    expect(keys(ZPostcode, 'NOT A CODE')).toEqual(['errors.postcode.invalid']);
  });
});

describe('text and money', () => {
  it('text is trimmed, required and limited, with the limit in the message', () => {
    const schema = zText({ max: 10, required: 'errors.whatHappened.required' });
    expect(schema.parse('  hello ')).toBe('hello');
    expect(keys(schema, '   ')).toEqual(['errors.whatHappened.required']);
    const result = schema.safeParse('far too long for this');
    expect(result.success ? [] : formatFieldErrors(result.error, 'cy')).toEqual([{ path: '', text: 'Rhaid iddo fod yn 10 nod neu lai' }]);
  });

  it('text keeps its line breaks as \\n however they were sent, counted as the browser did, and no NUL', () => {
    const schema = zText({ max: 9 });
    // A browser posts a text area's line breaks as CRLF; its character count (maxlength) counts each as one.
    expect(schema.parse('one\r\ntwo\r\n')).toBe('one\ntwo');
    expect(schema.parse('on\rtw\nsi')).toBe('on\ntw\nsi');
    expect(schema.parse('a\r\nb\r\nc\r\nd\r\ne')).toBe('a\nb\nc\nd\ne');
    expect(zOptionalText({ max: 20 }).parse(' line\r\nline ')).toBe('line\nline');
    expect(zOptionalText({ max: 20 }).parse('\r\n')).toBeUndefined();
    // NUL, which no one types and PostgreSQL text cannot hold, is dropped.
    expect(schema.parse('a\u0000b')).toBe('ab');
    expect(zOptionalText({ max: 20 }).parse('x\u0000')).toBe('x');
  });

  it('pounds to the penny', () => {
    expect(ZPounds.parse(150)).toBe(150);
    expect(ZPounds.parse(150.5)).toBe(150.5);
    expect(keys(ZPounds, 150.555)).toEqual(['errors.money.invalid']);
    expect(keys(ZPounds, -1)).toEqual(['errors.money.invalid']);
  });

  it('zod’s own messages never reach a person', () => {
    const result = z.object({ a: z.string() }).strict().safeParse({ a: 1, b: 2 });
    expect(result.success ? [] : toFieldErrors(result.error).map((e) => e.key)).toEqual(['errors.invalid', 'errors.unknownField']);
  });
});
