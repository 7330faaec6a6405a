import type { IsoDate } from '../calendar/iso-date';
import { createCaseState } from '../lifecycle/case-state';
import type { CaseState } from '../lifecycle/case-state';
import type { TimescalePolicy } from '../policy/timescale-policy';
import type { TCreateCaseInput } from '../schemas/portal';
import type { CaseType, EnquiryRoute } from '../vocabulary';
import { assessEligibility, classifySubject } from './assess-eligibility';
import type { EligibilityAssessment } from './assess-eligibility';

const ENQUIRY_TYPES: Record<EnquiryRoute, CaseType> = {
  general: 'general_enquiry',
  member: 'member_enquiry',
  mp: 'mp_enquiry',
  mayor: 'mayor_enquiry',
  chief_executive: 'chief_executive_enquiry',
};

/**
 * A portal submission as a new case: its type (complaints classified from
 * the answers; enquiries by route; compliments and enquiries statutory or
 * corporate by subject), its first state, and for complaints the eligibility
 * assessment (flags for staff, next steps for the person). Nothing is
 * refused here: out-of-remit questions are for staff.
 *
 * @example planNewCase(parsedInput, '2024-03-28', policy).state.type // 'children_act_complaint'
 */
export function planNewCase(
  input: TCreateCaseInput,
  receivedOn: IsoDate,
  policy: TimescalePolicy,
): { state: CaseState; eligibility: EligibilityAssessment | null } {
  const context = { receivedOn, timeLimitMonths: policy.statutoryTimeLimitMonths };
  switch (input.journey) {
    case 'complaint': {
      const eligibility = assessEligibility(
        {
          role: input.role,
          serviceArea: input.serviceArea,
          childSituation: input.child.situation,
          matterOn: input.matterOn ?? null,
          courtOrTribunalProceedings: input.courtOrTribunalProceedings,
          aboutAnotherOrganisation: input.aboutAnotherOrganisation ?? null,
          youngPersonConsent: input.youngPersonConsent ?? null,
        },
        context,
      );
      return { state: createCaseState({ type: eligibility.caseType, receivedOn }), eligibility };
    }
    case 'young_person_complaint': {
      // A young person may not know which service it was: their situation decides.
      const eligibility = assessEligibility({ role: 'young_person', serviceArea: 'not_sure', childSituation: input.situation }, context);
      return { state: createCaseState({ type: eligibility.caseType, receivedOn }), eligibility };
    }
    case 'compliment':
      return {
        state: createCaseState({
          type: 'compliment',
          receivedOn,
          framework: classifySubject({ serviceArea: input.serviceArea, childSituation: 'not_sure' }),
        }),
        eligibility: null,
      };
    case 'enquiry':
      return {
        state: createCaseState({
          type: ENQUIRY_TYPES[input.route],
          receivedOn,
          framework: classifySubject({ serviceArea: input.serviceArea, childSituation: 'not_sure' }),
        }),
        eligibility: null,
      };
    case 'foi_request':
      return { state: createCaseState({ type: 'foi_request', receivedOn }), eligibility: null };
  }
}
