import { describe, expect, it } from 'vitest';
import { formatMessage } from '../schemas/messages';
import { assessEligibility, classifyComplaint, classifySubject, mayComplain } from './assess-eligibility';
import type { ComplaintAnswers } from './assess-eligibility';

const context = { receivedOn: '2024-03-28', timeLimitMonths: 12 };
const parent: ComplaintAnswers = { role: 'parent', serviceArea: 'social_care', childSituation: 'child_in_need' };

describe('statutory or corporate', () => {
  it('children’s social care services follow the Children Act procedure', () => {
    for (const serviceArea of ['social_care', 'fostering', 'adoption', 'leaving_care', 'disabled_children'] as const) {
      expect(classifyComplaint({ serviceArea, childSituation: 'none' }).framework).toBe('statutory');
    }
  });

  it('other children’s services (SEND, admissions, early years, LADO...) follow the corporate procedure', () => {
    for (const serviceArea of [
      'send',
      'school_admissions_transport',
      'education_welfare',
      'early_years_childcare',
      'lado',
      'other_education',
    ] as const) {
      expect(classifyComplaint({ serviceArea, childSituation: 'looked_after' }).framework).toBe('corporate');
    }
  });

  it('family support, or an unsure answer, depends on the child’s situation', () => {
    expect(classifyComplaint({ serviceArea: 'family_support', childSituation: 'child_in_need' })).toEqual({
      framework: 'statutory',
      basis: 'child_situation',
    });
    expect(classifyComplaint({ serviceArea: 'family_support', childSituation: 'none' })).toEqual({
      framework: 'corporate',
      basis: 'other_service',
    });
    expect(classifyComplaint({ serviceArea: 'not_sure', childSituation: 'care_leaver' })).toEqual({
      framework: 'statutory',
      basis: 'child_situation',
    });
    expect(classifyComplaint({ serviceArea: 'not_sure', childSituation: 'not_sure' })).toEqual({
      framework: 'corporate',
      basis: 'not_sure',
    });
  });

  it('the council’s reference data wins', () => {
    expect(classifyComplaint({ serviceArea: 'send', childSituation: 'none', serviceFramework: 'statutory' })).toEqual({
      framework: 'statutory',
      basis: 'service_reference_data',
    });
  });

  it('enquiries and compliments: statutory or corporate by subject', () => {
    expect(classifySubject({ serviceArea: 'leaving_care', childSituation: 'care_leaver' })).toBe('statutory');
    expect(classifySubject({ serviceArea: 'school_admissions_transport', childSituation: 'none' })).toBe('corporate');
  });
});

describe('who may complain (Children Act 1989 s.26(3))', () => {
  it('the young person, a parent, someone with parental responsibility, a foster carer, a special guardian', () => {
    for (const role of ['young_person', 'parent', 'parental_responsibility', 'foster_carer', 'special_guardian'] as const) {
      expect(mayComplain(role, 'statutory', null)).toBe('yes');
    }
  });

  it('anyone else if the council judges they have sufficient interest', () => {
    expect(mayComplain('relative', 'statutory', 'given')).toBe('council_to_decide');
    expect(mayComplain('professional', 'statutory', 'not_able')).toBe('council_to_decide');
  });

  it('someone complaining for a young person needs their consent when they can give it', () => {
    expect(mayComplain('advocate', 'statutory', 'not_asked')).toBe('needs_consent');
    expect(mayComplain('advocate', 'statutory', 'given')).toBe('yes');
    expect(mayComplain('relative', 'corporate', 'not_given')).toBe('needs_consent');
  });

  it('anyone may make a corporate complaint', () => {
    expect(mayComplain('other', 'corporate', 'given')).toBe('yes');
  });
});

describe('assessEligibility: flags for staff, honest next steps for the person', () => {
  it('a parent’s complaint about social care: statutory, nothing to check', () => {
    const result = assessEligibility(parent, context);
    expect(result).toMatchObject({
      caseType: 'children_act_complaint',
      framework: 'statutory',
      mayComplain: 'yes',
      flags: [],
      offerAdvocate: false,
    });
    expect(formatMessage('en', result.nextSteps.key)).toMatch(/children’s social care/);
  });

  it('a SEND complaint: corporate', () => {
    const result = assessEligibility({ role: 'parent', serviceArea: 'send', childSituation: 'none' }, context);
    expect(result).toMatchObject({ caseType: 'corporate_complaint', nextSteps: { key: 'eligibility.next.corporate' } });
  });

  it('flags the one-year time limit (made more than a year after the matter)', () => {
    const late = assessEligibility({ ...parent, matterOn: '2023-03-27' }, context);
    expect(late).toMatchObject({ timeLimitOn: '2024-03-27', withinTimeLimit: false });
    expect(late.flags).toContainEqual(
      expect.objectContaining({ code: 'historic', outOfRemitReason: 'historic', params: { months: 12, date: '2023-03-27' } }),
    );
    expect(late.nextSteps.key).toBe('eligibility.next.checkFirst');
    // exactly a year is in time
    expect(assessEligibility({ ...parent, matterOn: '2023-03-28' }, context)).toMatchObject({ withinTimeLimit: true, flags: [] });
  });

  it('flags court or tribunal proceedings (regulation 8)', () => {
    const result = assessEligibility({ ...parent, courtOrTribunalProceedings: 'yes' }, context);
    expect(result.flags.map((f) => f.code)).toEqual(['court_or_tribunal_proceedings']);
    expect(formatMessage('en', result.flags[0]!.key)).toContain('regulation 8');
  });

  it('flags another authority or agency, and services of other directorates', () => {
    expect(assessEligibility({ ...parent, aboutAnotherOrganisation: 'yes' }, context)).toMatchObject({
      nextSteps: { key: 'eligibility.next.otherOrganisation' },
    });
    const other = assessEligibility({ role: 'parent', serviceArea: 'another_council_service', childSituation: 'none' }, context);
    expect(other.flags.map((f) => f.code)).toEqual(['not_this_directorate', 'classification_unsure']);
  });

  it('flags sufficient interest and consent', () => {
    expect(assessEligibility({ ...parent, role: 'relative', youngPersonConsent: 'given' }, context).flags.map((f) => f.code)).toEqual([
      'no_parental_responsibility_or_interest',
    ]);
    expect(assessEligibility({ ...parent, role: 'advocate', youngPersonConsent: 'not_asked' }, context).flags.map((f) => f.code)).toEqual([
      'no_consent',
      'advocate',
    ]);
  });

  it('a young person is offered an advocate and told so', () => {
    const result = assessEligibility({ role: 'young_person', serviceArea: 'social_care', childSituation: 'looked_after' }, context);
    expect(result).toMatchObject({ offerAdvocate: true, nextSteps: { key: 'eligibility.next.youngPerson' } });
    expect(formatMessage('cy', result.nextSteps.key)).toContain('eiriolwr');
  });
});
