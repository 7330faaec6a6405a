/**
 * The codes Heard stores and exchanges (rules.md "Case types", "Outcomes";
 * contracts.md "Case import"). Stored in the database as these strings.
 */
export const CASE_TYPES = [
  'children_act_complaint',
  'corporate_complaint',
  'general_enquiry',
  'member_enquiry',
  'mp_enquiry',
  'mayor_enquiry',
  'chief_executive_enquiry',
  'compliment',
  'foi_request',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const FRAMEWORKS = ['statutory', 'corporate', 'foi', 'none'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** Complaint stages and FOI stages; enquiries and compliments have none. */
export const COMPLAINT_STAGES = ['1', '2', '3', 'ombudsman'] as const;
export const FOI_STAGES = ['request', 'internal_review', 'information_commissioner'] as const;
export const STAGES = [...COMPLAINT_STAGES, ...FOI_STAGES] as const;
export type ComplaintStage = (typeof COMPLAINT_STAGES)[number];
export type FoiStage = (typeof FOI_STAGES)[number];
export type Stage = (typeof STAGES)[number];

export const CASE_STATUSES = [
  'received',
  'acknowledged',
  'in_progress',
  'responded',
  'closed',
  'withdrawn',
  'out_of_remit',
  'on_hold',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Decision on a Stage 2/3 request (and the Ombudsman's initial decision). */
export const REQUEST_DECISIONS = ['accepted', 'rejected', 'withdrawn', 'resolved_by_adr', 'on_hold'] as const;
export type RequestDecision = (typeof REQUEST_DECISIONS)[number];
export const OMBUDSMAN_DECISIONS = ['premature', 'not_investigated', 'to_be_investigated'] as const;
export type OmbudsmanDecision = (typeof OMBUDSMAN_DECISIONS)[number];

export const FINDINGS = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export type Finding = (typeof FINDINGS)[number];
export const STAGE1_CLOSURES = ['resolved_on_receipt', 'local_resolution', 'withdrawn', 'out_of_remit'] as const;
export const OMBUDSMAN_OUTCOMES = ['fault_causing_injustice', 'fault_no_injustice', 'no_fault'] as const;
export const FOI_OUTCOMES = ['provided', 'partly_provided', 'withheld', 'not_held', 'withdrawn'] as const;
export const OUTCOMES = [
  ...FINDINGS,
  ...STAGE1_CLOSURES,
  ...OMBUDSMAN_DECISIONS,
  ...OMBUDSMAN_OUTCOMES,
  ...FOI_OUTCOMES,
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The outcomes a learning action follows from (rules.md "Outcomes": learning
 * from upheld and partly upheld complaints): a complaint found at fault, by
 * the council or by the Ombudsman.
 */
export const OUTCOMES_WITH_LEARNING: readonly Outcome[] = ['upheld', 'partly_upheld', 'fault_causing_injustice', 'fault_no_injustice'];

export const CHANNELS = ['portal', 'email', 'phone', 'letter', 'in_person', 'member'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STAFF_ROLES = [
  'complaints_officer',
  'service_manager',
  'investigating_officer',
  'independent_person',
  'panel_member',
  'management_viewer',
  'administrator',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

/** "partly_upheld" -> "Partly upheld": every code in words, sentence case (contracts.md). */
export function codeToLabel(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Reasons a complaint is out of remit, each recorded (rules.md "Who may complain"). */
export const OUT_OF_REMIT_REASONS = [
  'no_parental_responsibility_or_interest',
  'no_consent',
  'historic',
  'other_authority_or_agency',
  'court_or_tribunal_proceedings',
  'not_this_directorate',
] as const;
export type OutOfRemitReason = (typeof OUT_OF_REMIT_REASONS)[number];

/** Who is complaining, as the portal asks it. */
export const COMPLAINANT_ROLES = [
  'young_person',
  'parent',
  'parental_responsibility',
  'foster_carer',
  'special_guardian',
  'advocate',
  'relative',
  'professional',
  'other',
] as const;
export type ComplainantRole = (typeof COMPLAINANT_ROLES)[number];

/** The child's situation: decides whether the Children Act procedure applies. */
export const CHILD_SITUATIONS = [
  'looked_after',
  'care_leaver',
  'child_in_need',
  'child_protection',
  'adoption',
  'special_guardianship',
  'none',
  'not_sure',
] as const;
export type ChildSituation = (typeof CHILD_SITUATIONS)[number];

/**
 * The portal's choice of service. Councils keep their own list of services
 * (reference data); each maps to one of these for classification.
 */
export const SERVICE_AREAS = [
  'social_care',
  'fostering',
  'adoption',
  'leaving_care',
  'disabled_children',
  'family_support',
  'send',
  'school_admissions_transport',
  'education_welfare',
  'early_years_childcare',
  'lado',
  'other_education',
  'another_council_service',
  'not_council',
  'not_sure',
] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

export const YES_NO_NOT_SURE = ['yes', 'no', 'not_sure'] as const;
export type YesNoNotSure = (typeof YES_NO_NOT_SURE)[number];

/** The young person's consent when someone complains for them. */
export const CONSENT_ANSWERS = ['given', 'not_given', 'not_able', 'not_asked'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

/** Who referred a young person to an advocate (rules.md "Advocacy"). */
export const ADVOCACY_REFERRAL_SOURCES = ['self', 'social_worker', 'personal_adviser', 'participation_manager', 'iro', 'cp_conference_chair'] as const;
export type AdvocacyReferralSource = (typeof ADVOCACY_REFERRAL_SOURCES)[number];

/** Remedies (rules.md "Outcomes"). */
export const REMEDY_TYPES = ['apology', 'financial', 'service_provided', 'policy_review', 'staff_training', 'other'] as const;
export type RemedyType = (typeof REMEDY_TYPES)[number];

export const LEARNING_ACTION_STATUSES = ['open', 'in_progress', 'done'] as const;
export type LearningActionStatus = (typeof LEARNING_ACTION_STATUSES)[number];

/** Routes of the enquiry journey, and the case type each makes. */
export const ENQUIRY_ROUTES = ['general', 'member', 'mp', 'mayor', 'chief_executive'] as const;
export type EnquiryRoute = (typeof ENQUIRY_ROUTES)[number];
