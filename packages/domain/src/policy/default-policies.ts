import type { Clock, PolicyVersion, RuleSource, StageTimescale, TimescalePolicy, TimescalePolicyOverride } from './timescale-policy';

// Sources, cited with every deadline. The Children Act 1989 Representations
// Procedure (England) Regulations 2006 and their guidance "Getting the Best
// from Complaints" (DfES, 2006) set the statutory timescales.
const REGS = 'Children Act 1989 Representations Procedure (England) Regulations 2006';
export const RULE_SOURCES = {
  councilAcknowledgement: { kind: 'council', citation: 'Acknowledgement target (England sets none for Children Act complaints)' },
  statutoryStage1: { kind: 'law', citation: `${REGS} and Getting the Best from Complaints: local resolution in 10 working days, up to 20` },
  statutoryStage2: { kind: 'law', citation: `${REGS}, regs. 16-17: 25 working days from the agreed statement, up to 65` },
  statutoryPanel: { kind: 'law', citation: `${REGS}: review panel within 30 working days of the request` },
  statutoryPanelFindings: { kind: 'law', citation: `${REGS}: panel findings within 5 working days of the panel` },
  statutoryPanelResponse: { kind: 'law', citation: `${REGS}: response within 15 working days of the panel's findings` },
  corporateStage1: { kind: 'council', citation: 'Corporate complaints procedure: Stage 1, 10 working days' },
  corporateStage2: { kind: 'council', citation: 'Corporate complaints procedure: Stage 2, 20 working days' },
  corporateStage3: { kind: 'council', citation: 'Corporate complaints procedure: Independent Adjudicator, 30 working days' },
  codeAcknowledgement: { kind: 'code', citation: 'LGSCO Complaint Handling Code: acknowledge within 5 working days' },
  codeStage1: { kind: 'code', citation: 'LGSCO Complaint Handling Code: Stage 1, 10 working days from the acknowledgement, up to 10 more' },
  codeStage2: { kind: 'code', citation: 'LGSCO Complaint Handling Code: Stage 2, 20 working days from the acknowledgement, up to 20 more' },
  enquiry: { kind: 'council', citation: 'Enquiries and representations: 10 working days' },
  foiRequest: { kind: 'law', citation: 'FOIA s.10(1): 20 working days; s.10(3) public interest, up to 20 more; s.10(6) all-UK holidays' },
  foiInternalReview: { kind: 'guidance', citation: 'FOIA s.45 Code of Practice: internal review in 20 working days, 40 at most' },
  foiReviewWindow: { kind: 'guidance', citation: 'FOIA s.45 Code of Practice: ask for a review within 40 working days' },
  escalationWindow: { kind: 'council', citation: 'Ask for the next stage within 20 working days of the response' },
  statementReminder: {
    kind: 'council',
    citation: `Statutory Stage 2: staff reminded every 10 working days after acceptance until the statement of complaint is agreed (${REGS}, regs. 16-17, set no time for it)`,
  },
} as const satisfies Record<string, RuleSource>;

function clock(limit: number, source: RuleSource, options: Partial<Omit<Clock, 'limit' | 'source'>> = {}): Clock {
  return {
    limit,
    unit: 'working',
    calendar: 'council',
    from: 'received',
    extension: { allowed: false, limit },
    source,
    ...options,
  };
}

function stage(timescale: Partial<StageTimescale>): StageTimescale {
  return { acknowledgement: null, response: null, panel: null, panelFindings: null, independentResponder: false, ...timescale };
}

const acknowledge3 = clock(3, RULE_SOURCES.councilAcknowledgement);
const enquiry = stage({ response: clock(10, RULE_SOURCES.enquiry) });

/**
 * Heard's defaults before any council changes them (rules.md): Children Act
 * complaints, the council's corporate procedure as in seed 000 (10 working
 * days from receipt), enquiries in 10 working days, FOI in 20 on the all-UK
 * calendar, compliments with no deadline.
 */
export const BASE_POLICY: TimescalePolicy = {
  name: 'Heard defaults',
  effectiveFrom: '1900-01-01',
  calendar: 'england-and-wales',
  amberWithinWorkingDays: 3,
  escalationWindow: { limit: 20, unit: 'working', source: RULE_SOURCES.escalationWindow },
  foiInternalReviewWindow: { limit: 40, unit: 'working', source: RULE_SOURCES.foiReviewWindow },
  foi: { clarificationRestartsClock: true, feeNoticePausesClock: true, feeNoticeLapsesAfterMonths: 3 },
  statutoryTimeLimitMonths: 12,
  ombudsmanTimeLimitMonths: 12,
  retentionYears: 6,
  // Ten working days leaves time to meet the complainant and agree the record,
  // and is well inside the 25 the investigation then has. Repeated, not once:
  // a case awaiting its statement has no deadline, so it never turns red and
  // no overdue chaser or digest line catches it if one reminder is missed.
  statementReminder: { limit: 10, repeat: true, source: RULE_SOURCES.statementReminder },
  timescales: {
    'children_act_complaint.1': stage({
      acknowledgement: acknowledge3,
      response: clock(10, RULE_SOURCES.statutoryStage1, { extension: { allowed: true, limit: 20 } }),
    }),
    'children_act_complaint.2': stage({
      acknowledgement: acknowledge3,
      response: clock(25, RULE_SOURCES.statutoryStage2, { from: 'statement_agreed', extension: { allowed: true, limit: 65 } }),
    }),
    'children_act_complaint.3': stage({
      acknowledgement: acknowledge3,
      panel: clock(30, RULE_SOURCES.statutoryPanel),
      panelFindings: clock(5, RULE_SOURCES.statutoryPanelFindings, { from: 'panel_held' }),
      response: clock(15, RULE_SOURCES.statutoryPanelResponse, { from: 'findings_issued' }),
    }),
    // The Ombudsman sets its own deadlines for each enquiry; councils record them.
    'children_act_complaint.ombudsman': stage({}),
    'corporate_complaint.1': stage({ acknowledgement: acknowledge3, response: clock(10, RULE_SOURCES.corporateStage1) }),
    'corporate_complaint.2': stage({ acknowledgement: acknowledge3, response: clock(20, RULE_SOURCES.corporateStage2) }),
    'corporate_complaint.3': stage({ acknowledgement: acknowledge3, response: clock(30, RULE_SOURCES.corporateStage3) }),
    'corporate_complaint.ombudsman': stage({}),
    general_enquiry: enquiry,
    member_enquiry: enquiry,
    mp_enquiry: enquiry,
    mayor_enquiry: enquiry,
    chief_executive_enquiry: enquiry,
    // A compliment needs thanks, not an answer against a clock.
    compliment: stage({}),
    'foi_request.request': stage({
      response: clock(20, RULE_SOURCES.foiRequest, { calendar: 'foi', extension: { allowed: true, limit: 40 } }),
    }),
    'foi_request.internal_review': stage({
      response: clock(20, RULE_SOURCES.foiInternalReview, { calendar: 'foi', extension: { allowed: true, limit: 40 } }),
      independentResponder: true,
    }),
    'foi_request.information_commissioner': stage({}),
  },
};

/**
 * The LGSCO Complaint Handling Code, applied by the Ombudsman from
 * 1 April 2026 to corporate complaints (not to Children Act ones):
 * acknowledge in 5 working days; Stage 1 within 10 working days of the
 * acknowledgement, extendable by 10; Stage 2 acknowledged in 5 and answered
 * within 20 of its acknowledgement, extendable by 20, by someone other than
 * the Stage 1 responder. The Code has two stages, so corporate complaints
 * received from that date have no Stage 3 (a council can restore one).
 */
export const COMPLAINT_HANDLING_CODE_OVERRIDE: TimescalePolicyOverride = {
  name: 'LGSCO Complaint Handling Code',
  timescales: {
    'corporate_complaint.1': {
      acknowledgement: { limit: 5, from: 'received', extension: { allowed: false, limit: 5 }, source: RULE_SOURCES.codeAcknowledgement },
      response: { limit: 10, from: 'acknowledged', extension: { allowed: true, limit: 20 }, source: RULE_SOURCES.codeStage1 },
    },
    'corporate_complaint.2': {
      acknowledgement: { limit: 5, from: 'received', extension: { allowed: false, limit: 5 }, source: RULE_SOURCES.codeAcknowledgement },
      response: { limit: 20, from: 'acknowledged', extension: { allowed: true, limit: 40 }, source: RULE_SOURCES.codeStage2 },
      independentResponder: true,
    },
    'corporate_complaint.3': null,
  },
};

/** The date the Ombudsman starts applying the Complaint Handling Code. */
export const COMPLAINT_HANDLING_CODE_FROM = '2026-04-01';

/**
 * Heard's shipped policy versions, oldest first, applied over `BASE_POLICY`
 * by the date a case was received.
 */
export const SHIPPED_POLICY_VERSIONS: readonly PolicyVersion[] = [
  {
    effectiveFrom: COMPLAINT_HANDLING_CODE_FROM,
    override: COMPLAINT_HANDLING_CODE_OVERRIDE,
    supersedesCouncilOverridesOf: ['corporate_complaint.1', 'corporate_complaint.2', 'corporate_complaint.3'],
  },
];

/**
 * A preset for councils in Wales (rules.md "Wales"): social services
 * complaints are acknowledged in 2 working days, have local resolution in 10
 * working days and a formal investigation in 25, and no panel stage. Local
 * resolution is counted from receipt: the earlier of the readings, so a
 * response is never shown on time when it might not be.
 */
export const WALES_SOCIAL_SERVICES_OVERRIDE: TimescalePolicyOverride = {
  calendar: 'england-and-wales',
  timescales: {
    'children_act_complaint.1': {
      acknowledgement: {
        limit: 2,
        source: { kind: 'law', citation: 'Social Services Complaints Procedure (Wales) Regulations 2014: acknowledge in 2 working days' },
      },
      response: {
        limit: 10,
        extension: { allowed: false, limit: 10 },
        source: {
          kind: 'law',
          citation: 'Social Services Complaints Procedure (Wales) Regulations 2014: local resolution in 10 working days',
        },
      },
    },
    'children_act_complaint.2': {
      acknowledgement: {
        limit: 2,
        source: { kind: 'law', citation: 'Social Services Complaints Procedure (Wales) Regulations 2014: acknowledge in 2 working days' },
      },
      response: {
        limit: 25,
        from: 'received',
        extension: { allowed: false, limit: 25 },
        source: {
          kind: 'law',
          citation: 'Social Services Complaints Procedure (Wales) Regulations 2014: formal investigation in 25 working days',
        },
      },
    },
    'children_act_complaint.3': null,
  },
};
