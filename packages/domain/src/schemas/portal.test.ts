import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFieldErrors } from './field-errors';
import { ZCaseReference, ZCreateCaseInput, ZOneTimeCode, ZTrackCaseInput } from './portal';
import { ZCaseCommand } from './case-commands';
import { ZLearningActionInput } from './staff';

function errors(value: unknown): { path: string; key: string }[] {
  const result = ZCreateCaseInput.safeParse(value);
  return result.success ? [] : toFieldErrors(result.error).map(({ path, key }) => ({ path, key }));
}

const contact = { fullName: 'Sam Jones', email: 'sam@example.com', contactPreference: 'email', language: 'cy' };
const complaint = {
  journey: 'complaint',
  role: 'parent',
  contact,
  child: { fullName: 'Alex Jones', situation: 'child_in_need' },
  serviceArea: 'social_care',
  whatHappened: 'Our visits were cancelled three times.',
  desiredOutcome: 'A plan we can rely on.',
  courtOrTribunalProceedings: 'no',
};

describe('portal journeys', () => {
  it('accepts a complete complaint, in Welsh', () => {
    const parsed = ZCreateCaseInput.parse(complaint);
    expect(parsed).toMatchObject({ journey: 'complaint', contact: { language: 'cy' }, attachmentIds: [] });
  });

  it('asks for what is missing, field by field, in plain words', () => {
    expect(errors({ ...complaint, whatHappened: ' ', contact: { ...contact, email: '' } })).toEqual([
      { path: 'contact.email', key: 'errors.contact.required' },
      { path: 'contact.email', key: 'errors.contact.emailForPreference' },
      { path: 'whatHappened', key: 'errors.whatHappened.required' },
    ]);
    expect(errors({ ...complaint, whatHappened: 'x'.repeat(5001) })).toEqual([
      { path: 'whatHappened', key: 'errors.whatHappened.tooLong' },
    ]);
    expect(errors({ ...complaint, role: 'advocate' })).toEqual([
      { path: 'youngPersonConsent', key: 'errors.consent.required' },
      { path: 'advocate', key: 'errors.required' },
    ]);
    expect(errors({ ...complaint, contact: { ...contact, phone: '12' } })).toEqual([
      { path: 'contact.phone', key: 'errors.phone.invalid' },
    ]);
  });

  it('a young person can reply through a trusted adult', () => {
    const youngPerson = {
      journey: 'young_person_complaint',
      firstName: 'Alex',
      situation: 'looked_after',
      wantsAdvocate: 'yes',
      whatHappened: 'I was moved without being asked.',
      whatWouldHelp: 'To be asked next time.',
      language: 'en',
    };
    expect(errors(youngPerson)).toEqual([{ path: 'email', key: 'errors.contact.required' }]);
    expect(errors({ ...youngPerson, trustedAdult: 'My foster carer, 07700 900 982' })).toEqual([]);
  });

  it('a compliment needs an email only if a reply is wanted', () => {
    const compliment = { journey: 'compliment', serviceArea: 'send', message: 'Thank you to the SEND team.', language: 'en' };
    expect(errors(compliment)).toEqual([]);
    expect(errors({ ...compliment, wantsReply: true })).toEqual([{ path: 'email', key: 'errors.email.required' }]);
  });

  it('an enquiry from an MP, a councillor or the Mayor names the resident', () => {
    const enquiry = {
      journey: 'enquiry',
      route: 'mp',
      enquirer: contact,
      office: 'MP for Anytown',
      serviceArea: 'send',
      question: 'When will the EHCP be finalised?',
    };
    expect(errors(enquiry)).toEqual([{ path: 'onBehalfOf.fullName', key: 'errors.behalfOf.required' }]);
    expect(errors({ ...enquiry, onBehalfOf: { fullName: 'Ms R Resident' } })).toEqual([]);
    expect(errors({ ...enquiry, route: 'general' })).toEqual([]);
  });

  it('an FOI request needs a name and an address for correspondence (FOIA s.8(1))', () => {
    const foi = {
      journey: 'foi_request',
      fullName: 'Pat Smith',
      request: 'How many EHC plans were finalised in 20 weeks in 2023?',
      language: 'en',
    };
    expect(errors(foi)).toEqual([{ path: 'email', key: 'errors.foiRequest.addressRequired' }]);
    expect(errors({ ...foi, address: { line1: '1 High Street', postcode: 'cf10 1aa' } })).toEqual([]);
  });

  it('refuses an unknown journey', () => {
    expect(errors({ journey: 'complain' }).map((e) => e.key)).toEqual(['errors.invalid']);
  });

  it('never throws on any input (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = ZCreateCaseInput.safeParse(value);
        if (!result.success) expect(toFieldErrors(result.error).length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('track a case', () => {
  it('reads the reference as typed', () => {
    expect(ZTrackCaseInput.parse({ reference: 'cyp 24 7k3mm', phone: '07700900982' })).toEqual({
      reference: 'CYP-24-7K3MM',
      phone: '07700900982',
    });
    expect(toFieldErrors(ZCaseReference.safeParse('CYP-24-7K3M9').error!).map((e) => e.key)).toEqual(['errors.reference.checkFailed']);
    expect(ZOneTimeCode.parse('123 456')).toBe('123456');
  });
});

describe('staff inputs', () => {
  it('commands are validated by type', () => {
    expect(ZCaseCommand.parse({ type: 'acknowledge', on: '2024-04-02' })).toEqual({ type: 'acknowledge', on: '2024-04-02' });
    expect(ZCaseCommand.safeParse({ type: 'decide_request', decision: 'rejected' }).success).toBe(false);
    expect(ZCaseCommand.safeParse({ type: 'extend', agreedOn: '2024-04-02', reason: '' }).success).toBe(false);
  });

  it('learning actions', () => {
    const action = {
      description: 'Tell the family what changed',
      ownerId: '6f1c2f7e-2b1a-4c1e-9d7a-3b2f1e0c9a11',
      dueOn: '2024-06-30',
      status: 'done',
      complainantToldOn: '2024-07-02',
    };
    expect(ZLearningActionInput.safeParse(action).success).toBe(true);
    expect(ZLearningActionInput.safeParse({ ...action, status: 'open' }).success).toBe(false);
  });
});
