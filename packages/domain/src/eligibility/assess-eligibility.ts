import { addMonths } from '../calendar/iso-date';
import type { IsoDate } from '../calendar/iso-date';
import type { DomainMessage } from '../schemas/messages';
import type { ChildSituation, ComplainantRole, ConsentAnswer, OutOfRemitReason, ServiceArea, YesNoNotSure } from '../vocabulary';

/** The portal's answers that decide how a complaint is handled. */
export type ComplaintAnswers = {
  role: ComplainantRole;
  serviceArea: ServiceArea;
  /** The framework of the council's chosen service, when its reference data says (wins over `serviceArea`). */
  serviceFramework?: 'statutory' | 'corporate' | null;
  childSituation: ChildSituation;
  /** When it happened, or when the person found out. */
  matterOn?: IsoDate | null;
  courtOrTribunalProceedings?: YesNoNotSure | null;
  aboutAnotherOrganisation?: YesNoNotSure | null;
  /** When someone complains for a young person. */
  youngPersonConsent?: ConsentAnswer | null;
};

/** Why a complaint is statutory or corporate. */
export type ClassificationBasis = 'service_reference_data' | 'social_care_service' | 'child_situation' | 'other_service' | 'not_sure';

/** Something staff must look at; nothing is refused at the door (product.md). */
export type EligibilityFlag = DomainMessage & {
  code: OutOfRemitReason | 'classification_unsure' | 'advocate';
  /** The out-of-remit reason staff would record if they decline it. */
  outOfRemitReason: OutOfRemitReason | null;
};

export type EligibilityAssessment = {
  caseType: 'children_act_complaint' | 'corporate_complaint';
  framework: 'statutory' | 'corporate';
  basis: ClassificationBasis;
  /** `yes`; `council_to_decide` (sufficient interest); `needs_consent` (for a young person able to give it). */
  mayComplain: 'yes' | 'council_to_decide' | 'needs_consent';
  /** The date by which a complaint should be made (a year after the matter), when the matter's date is known. */
  timeLimitOn: IsoDate | null;
  withinTimeLimit: boolean | null;
  offerAdvocate: boolean;
  flags: EligibilityFlag[];
  /** What the person is told happens next: honest, never a refusal. */
  nextSteps: DomainMessage;
};

/** Services under Part 3 of the Children Act 1989: complaints about them follow the statutory procedure. */
const SOCIAL_CARE_AREAS: ReadonlySet<ServiceArea> = new Set(['social_care', 'fostering', 'adoption', 'leaving_care', 'disabled_children']);
/** Situations that bring a child within the statutory procedure (looked after, in need, care leaver, adoption, special guardianship). */
const STATUTORY_SITUATIONS: ReadonlySet<ChildSituation> = new Set([
  'looked_after',
  'care_leaver',
  'child_in_need',
  'child_protection',
  'adoption',
  'special_guardianship',
]);
/** Who may make a statutory complaint without the council deciding on sufficient interest. */
const ENTITLED_ROLES: ReadonlySet<ComplainantRole> = new Set([
  'young_person',
  'parent',
  'parental_responsibility',
  'foster_carer',
  'special_guardian',
]);
/** Roles that complain for a young person, whose consent is needed when they can give it. */
const ON_BEHALF_ROLES: ReadonlySet<ComplainantRole> = new Set(['advocate', 'relative', 'professional', 'other']);

/**
 * Statutory or corporate, from the service and the child's situation:
 * children's social care services (and family support for a child in need)
 * follow the Children Act 1989 procedure; every other children's service
 * follows the council's corporate procedure. A service whose framework the
 * council has set in its reference data is classified by that.
 *
 * @example classifyComplaint({ serviceArea: 'fostering', childSituation: 'looked_after' }) // { framework: 'statutory', ... }
 * @example classifyComplaint({ serviceArea: 'send', childSituation: 'none' }) // { framework: 'corporate', ... }
 */
export function classifyComplaint(answers: Pick<ComplaintAnswers, 'serviceArea' | 'childSituation' | 'serviceFramework'>): {
  framework: 'statutory' | 'corporate';
  basis: ClassificationBasis;
} {
  if (answers.serviceFramework) return { framework: answers.serviceFramework, basis: 'service_reference_data' };
  if (SOCIAL_CARE_AREAS.has(answers.serviceArea)) return { framework: 'statutory', basis: 'social_care_service' };
  if (
    (answers.serviceArea === 'family_support' || answers.serviceArea === 'not_sure') &&
    STATUTORY_SITUATIONS.has(answers.childSituation)
  ) {
    return { framework: 'statutory', basis: 'child_situation' };
  }
  // Unsure answers default to corporate, and are flagged for staff to check.
  return { framework: 'corporate', basis: answers.serviceArea === 'not_sure' ? 'not_sure' : 'other_service' };
}

/**
 * Who may complain under the statutory procedure (Children Act 1989 s.26(3);
 * rules.md): the child or young person, a parent, a person with parental
 * responsibility, a foster carer or special guardian may; anyone else if the
 * council judges they have sufficient interest in the child's welfare. Anyone
 * may make a corporate complaint. Someone complaining for a young person needs
 * the young person's consent when they are able to give it.
 *
 * @example mayComplain('relative', 'statutory', 'given') // 'council_to_decide'
 * @example mayComplain('advocate', 'statutory', 'not_asked') // 'needs_consent'
 */
export function mayComplain(
  role: ComplainantRole,
  framework: 'statutory' | 'corporate',
  consent: ConsentAnswer | null | undefined,
): EligibilityAssessment['mayComplain'] {
  if (ON_BEHALF_ROLES.has(role) && consent !== 'given' && consent !== 'not_able') return 'needs_consent';
  if (framework === 'corporate' || ENTITLED_ROLES.has(role) || role === 'advocate') return 'yes';
  return 'council_to_decide';
}

function flag(
  code: EligibilityFlag['code'],
  outOfRemitReason: OutOfRemitReason | null,
  params: DomainMessage['params'] = {},
): EligibilityFlag {
  return { code, outOfRemitReason, key: `eligibility.flag.${code}`, params };
}

/**
 * Classifies a complaint from the portal's answers and flags, for staff,
 * anything that may put it out of remit (rules.md "Who may complain ... and
 * out of remit": no parental responsibility or sufficient interest, no
 * consent, historic, another authority or agency, court or tribunal
 * proceedings (regulation 8), not this directorate). Nothing is refused at
 * the door: the person is told honestly what happens next.
 *
 * @example assessEligibility({ role: 'parent', serviceArea: 'social_care', childSituation: 'child_in_need' }, { receivedOn: '2024-03-28', timeLimitMonths: 12 })
 * // { caseType: 'children_act_complaint', mayComplain: 'yes', flags: [], nextSteps: { key: 'eligibility.next.statutory', ... } }
 */
export function assessEligibility(
  answers: ComplaintAnswers,
  context: { receivedOn: IsoDate; timeLimitMonths: number },
): EligibilityAssessment {
  const { framework, basis } = classifyComplaint(answers);
  const flags: EligibilityFlag[] = [];
  const may = mayComplain(answers.role, framework, answers.youngPersonConsent);
  if (may === 'needs_consent') flags.push(flag('no_consent', 'no_consent'));
  if (may === 'council_to_decide') flags.push(flag('no_parental_responsibility_or_interest', 'no_parental_responsibility_or_interest'));

  let timeLimitOn: IsoDate | null = null;
  let withinTimeLimit: boolean | null = null;
  if (answers.matterOn) {
    timeLimitOn = addMonths(answers.matterOn, context.timeLimitMonths);
    withinTimeLimit = context.receivedOn <= timeLimitOn;
    if (!withinTimeLimit) flags.push(flag('historic', 'historic', { months: context.timeLimitMonths, date: answers.matterOn }));
  }
  if (answers.courtOrTribunalProceedings === 'yes') flags.push(flag('court_or_tribunal_proceedings', 'court_or_tribunal_proceedings'));
  const otherOrganisation = answers.aboutAnotherOrganisation === 'yes' || answers.serviceArea === 'not_council';
  if (otherOrganisation) flags.push(flag('other_authority_or_agency', 'other_authority_or_agency'));
  if (answers.serviceArea === 'another_council_service') flags.push(flag('not_this_directorate', 'not_this_directorate'));
  if (basis === 'not_sure' || answers.serviceArea === 'another_council_service') flags.push(flag('classification_unsure', null));
  const offerAdvocate = answers.role === 'young_person' || answers.role === 'advocate';
  if (offerAdvocate) flags.push(flag('advocate', null));

  let next: DomainMessage['key'];
  if (otherOrganisation || answers.serviceArea === 'another_council_service') next = 'eligibility.next.otherOrganisation';
  else if (flags.some((f) => f.outOfRemitReason !== null)) next = 'eligibility.next.checkFirst';
  else if (answers.role === 'young_person') next = 'eligibility.next.youngPerson';
  else next = framework === 'statutory' ? 'eligibility.next.statutory' : 'eligibility.next.corporate';

  return {
    caseType: framework === 'statutory' ? 'children_act_complaint' : 'corporate_complaint',
    framework,
    basis,
    mayComplain: may,
    timeLimitOn,
    withinTimeLimit,
    offerAdvocate,
    flags,
    nextSteps: { key: next, params: {} },
  };
}

/**
 * The framework of an enquiry or a compliment, "statutory or corporate by
 * subject" (rules.md "Case types"): the same test as for complaints.
 *
 * @example classifySubject({ serviceArea: 'leaving_care', childSituation: 'care_leaver' }) // 'statutory'
 */
export function classifySubject(
  answers: Pick<ComplaintAnswers, 'serviceArea' | 'childSituation' | 'serviceFramework'>,
): 'statutory' | 'corporate' {
  return classifyComplaint(answers).framework;
}
