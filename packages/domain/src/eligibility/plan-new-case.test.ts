import { describe, expect, it } from 'vitest';
import { computeDeadline } from '../deadline/compute-deadline';
import { BASE_POLICY } from '../policy/default-policies';
import { createCaseRules } from '../policy/resolve-policy';
import { ZCreateCaseInput } from '../schemas/portal';
import { planNewCase } from './plan-new-case';

const contact = { fullName: 'Sam Jones', email: 'sam@example.com', contactPreference: 'email', language: 'en' };

describe('planNewCase: a portal submission becomes a case', () => {
  it('a complaint about fostering is a Children Act complaint, due in 10 working days', () => {
    const input = ZCreateCaseInput.parse({
      journey: 'complaint',
      role: 'foster_carer',
      contact,
      child: { situation: 'looked_after' },
      serviceArea: 'fostering',
      whatHappened: 'Allowances were paid late again.',
      desiredOutcome: 'Pay on time.',
      courtOrTribunalProceedings: 'no',
    });
    const plan = planNewCase(input, '2024-03-28', BASE_POLICY);
    expect(plan.state).toMatchObject({ type: 'children_act_complaint', stage: '1', status: 'received', framework: 'statutory' });
    expect(plan.eligibility?.nextSteps.key).toBe('eligibility.next.statutory');
    expect(computeDeadline(plan.state, 'response', createCaseRules(BASE_POLICY))).toMatchObject({ dueOn: '2024-04-15' });
  });

  it('a young person in care: statutory, with an advocate offered', () => {
    const input = ZCreateCaseInput.parse({
      journey: 'young_person_complaint',
      firstName: 'Alex',
      situation: 'looked_after',
      wantsAdvocate: 'yes',
      whatHappened: 'Nobody asked me.',
      whatWouldHelp: 'Ask me.',
      trustedAdult: 'My IRO',
      language: 'cy',
    });
    const plan = planNewCase(input, '2024-03-28', BASE_POLICY);
    expect(plan.state.type).toBe('children_act_complaint');
    expect(plan.eligibility).toMatchObject({ offerAdvocate: true, nextSteps: { key: 'eligibility.next.youngPerson' } });
  });

  it('enquiries by route, compliments and FOI requests', () => {
    const mp = ZCreateCaseInput.parse({
      journey: 'enquiry',
      route: 'mayor',
      enquirer: contact,
      onBehalfOf: { fullName: 'R' },
      serviceArea: 'leaving_care',
      question: 'Q?',
    });
    expect(planNewCase(mp, '2024-03-28', BASE_POLICY).state).toMatchObject({ type: 'mayor_enquiry', framework: 'statutory' });
    const compliment = ZCreateCaseInput.parse({ journey: 'compliment', serviceArea: 'send', message: 'Thanks', language: 'en' });
    expect(planNewCase(compliment, '2024-03-28', BASE_POLICY).state).toMatchObject({ type: 'compliment', framework: 'corporate' });
    const foi = ZCreateCaseInput.parse({
      journey: 'foi_request',
      fullName: 'Pat',
      email: 'pat@example.com',
      request: 'Numbers please',
      language: 'en',
    });
    expect(planNewCase(foi, '2024-03-28', BASE_POLICY).state).toMatchObject({ type: 'foi_request', stage: 'request', framework: 'foi' });
  });
});
