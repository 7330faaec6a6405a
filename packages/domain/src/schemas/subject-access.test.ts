import { describe, expect, it } from 'vitest';
import { ZSubjectAccessQuery, ZSubjectAccessSearchForm } from './subject-access';

/** Each issue's field and message key (the back-office's keys included, which the domain catalogue does not hold). */
const errorsOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string; code: string }> } }) =>
  result.success
    ? []
    : result.error!.issues.map((issue) => [issue.path.join('.'), issue.code === 'unrecognized_keys' ? 'unrecognized_keys' : issue.message]);

describe('ZSubjectAccessSearchForm', () => {
  it('gives the API query: blank fields left out, the phone normalised, the date written out', () => {
    const parsed = ZSubjectAccessSearchForm.parse({
      email: ' Sam@Example.com ',
      phone: '+44 7700 900982',
      name: '',
      dateOfBirth: { day: '', month: '', year: '' },
    });
    expect(parsed).toEqual({ email: 'Sam@Example.com', phone: '07700900982', name: undefined, dateOfBirth: undefined });
    expect(
      ZSubjectAccessSearchForm.parse({ email: '', phone: '', name: 'Alex Example', dateOfBirth: { day: '3', month: '4', year: '2015' } }),
    ).toMatchObject({
      name: 'Alex Example',
      dateOfBirth: '2015-04-03',
    });
    expect(
      ZSubjectAccessQuery.parse(
        ZSubjectAccessSearchForm.parse({ name: 'Alex Example', dateOfBirth: { day: '3', month: '4', year: '2015' } }),
      ),
    ).toEqual({
      name: 'Alex Example',
      dateOfBirth: '2015-04-03',
    });
  });

  it('asks for something to search by when nothing is given', () => {
    expect(
      errorsOf(ZSubjectAccessSearchForm.safeParse({ email: '', phone: ' ', name: '', dateOfBirth: { day: '', month: '', year: '' } })),
    ).toEqual([['email', 'messages.subjectAccess.errors.nothing']]);
  });

  it('shows every mistake at once: a wrong field and a missing date of birth together', () => {
    expect(
      errorsOf(ZSubjectAccessSearchForm.safeParse({ phone: '12345', name: 'Sam', dateOfBirth: { day: '', month: '', year: '' } })),
    ).toEqual([
      ['phone', 'errors.phone.invalid'],
      ['dateOfBirth', 'messages.subjectAccess.errors.dateOfBirthForName'],
    ]);
    expect(errorsOf(ZSubjectAccessQuery.safeParse(null))).toHaveLength(1);
  });

  it('takes a name only with a date of birth, and a date of birth only with a name', () => {
    expect(errorsOf(ZSubjectAccessSearchForm.safeParse({ name: 'Alex Example' }))).toEqual([
      ['dateOfBirth', 'messages.subjectAccess.errors.dateOfBirthForName'],
    ]);
    expect(errorsOf(ZSubjectAccessSearchForm.safeParse({ dateOfBirth: { day: '3', month: '4', year: '2015' } }))).toEqual([
      ['name', 'messages.subjectAccess.errors.nameForDateOfBirth'],
    ]);
  });

  it('says what is wrong with each field', () => {
    expect(
      errorsOf(
        ZSubjectAccessSearchForm.safeParse({
          email: 'not an email',
          phone: '12',
          name: 'x'.repeat(201),
          dateOfBirth: { day: '31', month: '2', year: '2015' },
        }),
      ),
    ).toEqual([
      ['email', 'errors.email.invalid'],
      ['phone', 'errors.phone.invalid'],
      ['name', 'messages.subjectAccess.errors.nameTooLong'],
      ['dateOfBirth', 'errors.date.invalid'],
    ]);
    expect(errorsOf(ZSubjectAccessSearchForm.safeParse({ name: 'Alex', dateOfBirth: { day: '3', month: '', year: '2015' } }))).toEqual([
      ['dateOfBirth.month', 'errors.date.missingMonth'],
    ]);
  });
});

describe('ZSubjectAccessQuery', () => {
  it('refuses a date that is not a real date and fields it does not know', () => {
    expect(errorsOf(ZSubjectAccessQuery.safeParse({ name: 'Alex', dateOfBirth: '2015-02-30' }))).toEqual([
      ['dateOfBirth', 'errors.date.format'],
    ]);
    expect(errorsOf(ZSubjectAccessQuery.safeParse({ email: 'sam@example.com', reference: 'CYP-1' }))).toEqual([['', 'unrecognized_keys']]);
  });
});
