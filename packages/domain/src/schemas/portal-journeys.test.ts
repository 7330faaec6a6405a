import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JOURNEY_IDS,
  JOURNEY_STEPS,
  ZAdvocateRegisterInput,
  ZTrackingCodeForm,
  buildSubmission,
  cleanFormValues,
  findJourneyStep,
  journeyProgress,
  stepAfter,
  stepBefore,
  type JourneyId,
} from './portal-journeys';

const SERVICE = '6f1c2f7e-2b1a-4c1e-9d7a-3b2f1e0c9a11';
const context = { today: '2026-11-24', serviceIds: [SERVICE] };

function messages(journey: JourneyId, step: string, values: unknown): string[] {
  const result = findJourneyStep(journey, step)!.schema!(context).safeParse(values);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const parentComplaint = {
  who: { role: 'parent' },
  child: { child: { fullName: 'Alex Jones', dateOfBirth: { day: '3', month: '4', year: '2015' } } },
  situation: { child: { situation: 'child_in_need' } },
  service: { service: SERVICE },
  'what-happened': { whatHappened: 'Visits were cancelled three times.' },
  when: { matterOn: { day: '1', month: '10', year: '2026' } },
  proceedings: { courtOrTribunalProceedings: 'no' },
  outcome: { desiredOutcome: 'A plan we can rely on.' },
  contact: { contact: { fullName: 'Sam Jones', email: 'sam@example.com', contactPreference: 'email', language: 'cy' } },
  adjustments: { needsAdjustments: 'no' },
};

describe('form values', () => {
  it('treat blank text, unset radios and groups of blank fields as no answer', () => {
    expect(cleanFormValues({ a: ' ', b: null, c: { d: '', e: '' }, f: 'x' })).toEqual({ f: 'x' });
    expect(cleanFormValues({})).toBeUndefined();
  });
});

describe('journey steps', () => {
  it('give the GOV.UK date messages, part by part, and refuse a date in the future', () => {
    expect(messages('complaint', 'when', { matterOn: { day: '', month: '', year: '' } })).toEqual(['matterOn: errors.date.required']);
    expect(messages('complaint', 'when', { matterOn: { day: '12', month: '', year: '2026' } })).toEqual(['matterOn.month: errors.date.missingMonth']);
    expect(messages('complaint', 'when', { matterOn: { day: '31', month: '2', year: '2026' } })).toEqual(['matterOn: errors.date.invalid']);
    expect(messages('complaint', 'when', { matterOn: { day: '1', month: '1', year: '26' } })).toEqual(['matterOn.year: errors.date.yearFourDigits']);
    expect(messages('complaint', 'when', { matterOn: { day: '25', month: '11', year: '2026' } })).toEqual(['matterOn: errors.date.inFuture']);
    // The child's date of birth may be left out, but not half given.
    expect(messages('complaint', 'child', { child: { fullName: '', dateOfBirth: { day: '', month: '', year: '' } } })).toEqual([]);
    expect(messages('complaint', 'child', { child: { dateOfBirth: { day: '3', month: '', year: '' } } })).toEqual(['child.dateOfBirth.month: errors.date.missingMonth']);
  });

  it('ask for each missing answer in plain words', () => {
    expect(messages('complaint', 'who', { role: null })).toEqual(['role: errors.role.required']);
    expect(messages('complaint', 'who', { role: 'king' })).toEqual(['role: errors.choice.invalid']);
    expect(messages('complaint', 'service', {})).toEqual(['service: errors.service.required']);
    expect(messages('complaint', 'what-happened', { whatHappened: 'x'.repeat(5001) })).toEqual(['whatHappened: errors.whatHappened.tooLong']);
    expect(messages('complaint', 'adjustments', { needsAdjustments: 'yes', reasonableAdjustments: ' ' })).toEqual(['reasonableAdjustments: portal.errors.adjustmentsDetail']);
    expect(messages('complaint', 'contact', { contact: { fullName: 'Sam', contactPreference: 'letter', language: 'en', address: { line1: '', postcode: '' } } })).toEqual([
      'contact.email: errors.contact.required',
      'contact.address: errors.contact.addressForPreference',
    ]);
    expect(messages('young-person', 'name', { firstName: 'Jo', age: 'ten' })).toEqual(['age: errors.number.wholeNumber']);
    expect(messages('young-person', 'contact', { language: 'en' })).toEqual(['email: portal.errors.youngPersonContact']);
    expect(messages('enquiry', 'resident', { office: 'MP for Anytown' })).toEqual(['onBehalfOf.fullName: errors.behalfOf.required']);
    expect(messages('foi', 'contact', { fullName: 'Pat', language: 'en' })).toEqual(['email: errors.foiRequest.addressRequired']);
  });

  it('never throw, whatever is posted (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...JOURNEY_IDS), fc.anything(), (journey, value) => {
        for (const step of JOURNEY_STEPS[journey]) step.schema?.(context).safeParse(value);
      }),
    );
  });
});

describe('journey progress', () => {
  it('asks only the steps that apply, in order, and knows the next one', () => {
    expect(journeyProgress('complaint', {}, context).next).toBe('who');
    const parent = journeyProgress('complaint', parentComplaint, context);
    expect(parent.steps).not.toContain('consent');
    expect(parent.next).toBe('files');
    const advocate = journeyProgress('complaint', { ...parentComplaint, who: { role: 'advocate' } }, context);
    expect(advocate.steps.slice(0, 3)).toEqual(['who', 'consent', 'advocate']);
    expect(advocate.next).toBe('consent');
    expect(stepAfter('complaint', 'who', parentComplaint, context)).toBe('child');
    expect(stepBefore('complaint', 'child', parentComplaint, context)).toBe('who');
    expect(stepAfter('foi', 'contact', {}, context)).toBeNull();
  });

  it('builds the submission from the answers, with the council service and the date as ISO', () => {
    const submission = buildSubmission('complaint', { ...parentComplaint, files: {} }, context);
    expect(submission.success).toBe(true);
    expect(submission.data).toMatchObject({
      journey: 'complaint',
      role: 'parent',
      serviceId: SERVICE,
      matterOn: '2026-10-01',
      child: { fullName: 'Alex Jones', dateOfBirth: '2015-04-03', situation: 'child_in_need' },
      contact: { language: 'cy' },
    });
  });

  it('an advocate with an account submits with their own details as the base', () => {
    const answers = {
      consent: { youngPersonConsent: 'given' },
      child: { child: { fullName: 'Jo Young' } },
      situation: { child: { situation: 'looked_after' } },
      service: { service: 'not_sure' },
      'what-happened': { whatHappened: 'Moved without being asked.' },
      when: { matterOn: { day: '2', month: '11', year: '2026' } },
      proceedings: { courtOrTribunalProceedings: 'not_sure' },
      outcome: { desiredOutcome: 'To be asked.' },
      language: { contact: { language: 'en' } },
      adjustments: { needsAdjustments: 'no' },
    };
    const base = { role: 'advocate', advocate: { organisation: 'NYAS', name: 'Sam' }, contact: { fullName: 'Sam', email: 'sam@nyas.example', contactPreference: 'email' } };
    const submission = buildSubmission('advocate-complaint', answers, context, base);
    expect(submission.error?.issues ?? []).toEqual([]);
    expect(submission.data).toMatchObject({ journey: 'complaint', role: 'advocate', youngPersonConsent: 'given', contact: { email: 'sam@nyas.example', language: 'en' } });
  });

  it('a compliment keeps whether it may be shared; a young person’s call request is kept', () => {
    const compliment = buildSubmission(
      'compliment',
      { service: { service: 'not_sure' }, person: {}, message: { message: 'Thank you.' }, share: { mayShare: 'yes' }, reply: { wantsReply: 'no', language: 'en' } },
      context,
    );
    expect(compliment.data).toMatchObject({ journey: 'compliment', mayShare: 'yes', wantsReply: false });
    const young = buildSubmission(
      'young-person',
      {
        advocate: { wantsAdvocate: 'yes' },
        'advocate-call': { advocatePhone: '07700 900 982' },
        name: { firstName: 'Jo', age: '11' },
        situation: { situation: 'looked_after' },
        'what-happened': { whatHappened: 'I was moved.' },
        'what-would-help': { whatWouldHelp: 'Being asked.' },
        contact: { phone: '07700900982', language: 'en' },
      },
      context,
    );
    expect(young.data).toMatchObject({ journey: 'young_person_complaint', advocatePhone: '07700900982', age: 11 });
  });
});

describe('tracking and advocate forms', () => {
  it('read a code as typed and check a new advocate password', () => {
    expect(ZTrackingCodeForm.parse({ code: '123 456' })).toEqual({ code: '123456' });
    expect(ZTrackingCodeForm.safeParse({ code: '12345' }).error?.issues[0]?.message).toBe('portal.track.errors.codeFormat');
    const register = { fullName: 'Sam', organisation: 'NYAS', email: 'SAM@nyas.example', password: 'short', confirmPassword: 'other' };
    expect(ZAdvocateRegisterInput.safeParse(register).error?.issues.map((i) => i.message)).toEqual([
      'portal.advocate.errors.passwordTooShort',
      'portal.advocate.errors.passwordsDiffer',
    ]);
    expect(ZAdvocateRegisterInput.safeParse({ ...register, password: 'a long enough password', confirmPassword: 'different' }).error?.issues.map((i) => i.message)).toEqual([
      'portal.advocate.errors.passwordsDiffer',
    ]);
  });
});
