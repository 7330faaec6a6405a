import type { IsoDate } from '../calendar/iso-date';
import type { Clarification, Extension, FeeNotice } from '../deadline/compute-deadline';
import { deriveFinding } from '../finding/derive-finding';
import type { ComplaintPoint } from '../finding/derive-finding';
import { FINDINGS } from '../vocabulary';
import type {
  CaseStatus,
  CaseType,
  Framework,
  OmbudsmanDecision,
  OutOfRemitReason,
  Outcome,
  RemedyType,
  RequestDecision,
  Stage,
} from '../vocabulary';

/** A remedy agreed on a complaint or recommended by the Ombudsman (rules.md "Outcomes"). */
export type Remedy = { type: RemedyType; amountPounds: number | null; detail: string | null };

/** A Stage 2 or 3 request and its decision (`null`: pending). */
export type StageRequest = {
  requestedOn: IsoDate;
  decision: RequestDecision | null;
  decidedOn: IsoDate | null;
  reason: string | null;
  /** Asked for after the window closed, accepted with this reason. */
  lateReason: string | null;
};

/**
 * One case record: one stage of a complaint, an enquiry, a compliment or one
 * stage of an FOI request (contracts.md: "a Stage 2 row is its own case
 * record linked to its Stage 1"). The database holds this as the case row;
 * every change is an event (`case-events.ts`).
 */
export type CaseState = {
  type: CaseType;
  stage: Stage | null;
  framework: Framework;
  status: CaseStatus;
  receivedOn: IsoDate;
  /**
   * The date whose timescale policy applies: the date the complaint or
   * request was first received. A later stage inherits it, so a complaint
   * keeps the procedure it started under (never applied retroactively).
   */
  policyDate: IsoDate;
  acknowledgedOn: IsoDate | null;
  assignedTo: string | null;
  /** Imported `complex = true`: the extended timescale applies. */
  complex: boolean;
  extension: Extension | null;
  respondedOn: IsoDate | null;
  responderId: string | null;
  /** Who answered the previous stage: the Code and FOI reviews need someone else. */
  previousResponderId: string | null;
  outcome: Outcome | null;
  points: ComplaintPoint[];
  remedies: Remedy[];
  closedOn: IsoDate | null;
  hold: { since: IsoDate; reason: string; resumeTo: 'received' | 'acknowledged' | 'in_progress' } | null;
  outOfRemit: { reason: OutOfRemitReason; signposting: string } | null;
  withdrawalReason: string | null;
  request: StageRequest | null;
  statementAgreedOn: IsoDate | null;
  panelHeldOn: IsoDate | null;
  findingsIssuedOn: IsoDate | null;
  /** The next stage was asked for from this case. */
  escalation: { stage: Stage; requestedOn: IsoDate } | null;
  referredToOmbudsmanOn: IsoDate | null;
  /** On an Ombudsman case: its initial decision. */
  ombudsmanDecision: { decision: OmbudsmanDecision; decidedOn: IsoDate } | null;
  clarifications: Clarification[];
  feeNotices: FeeNotice[];
};

export function isComplaint(type: CaseType): type is 'children_act_complaint' | 'corporate_complaint' {
  return type === 'children_act_complaint' || type === 'corporate_complaint';
}

export function isEnquiry(type: CaseType): boolean {
  return (
    type === 'general_enquiry' ||
    type === 'member_enquiry' ||
    type === 'mp_enquiry' ||
    type === 'mayor_enquiry' ||
    type === 'chief_executive_enquiry'
  );
}

function defaultFramework(type: CaseType): Framework {
  if (type === 'children_act_complaint') return 'statutory';
  if (type === 'corporate_complaint') return 'corporate';
  if (type === 'foi_request') return 'foi';
  return 'none';
}

/** The stage a new case of a type starts at. */
export function firstStageOf(type: CaseType): Stage | null {
  if (isComplaint(type)) return '1';
  if (type === 'foi_request') return 'request';
  return null;
}

/**
 * A new case, as received: status `received`, nothing else recorded yet.
 * Enquiries and compliments are statutory or corporate by subject: pass the
 * framework (`classifySubject`); a general enquiry may have none.
 *
 * @example createCaseState({ type: 'foi_request', receivedOn: '2024-03-28' }).stage // 'request'
 */
export function createCaseState(input: {
  type: CaseType;
  receivedOn: IsoDate;
  stage?: Stage | null;
  framework?: Framework;
  policyDate?: IsoDate;
  previousResponderId?: string | null;
  request?: StageRequest | null;
  complex?: boolean;
}): CaseState {
  const stage = input.stage === undefined ? firstStageOf(input.type) : input.stage;
  return {
    type: input.type,
    stage,
    framework: isComplaint(input.type) || input.type === 'foi_request' ? defaultFramework(input.type) : (input.framework ?? 'none'),
    status: 'received',
    receivedOn: input.receivedOn,
    policyDate: input.policyDate ?? input.receivedOn,
    acknowledgedOn: null,
    assignedTo: null,
    complex: input.complex ?? false,
    extension: null,
    respondedOn: null,
    responderId: null,
    previousResponderId: input.previousResponderId ?? null,
    outcome: null,
    points: [],
    remedies: [],
    closedOn: null,
    hold: null,
    outOfRemit: null,
    withdrawalReason: null,
    request:
      input.request ??
      (isComplaint(input.type) && (stage === '2' || stage === '3')
        ? { requestedOn: input.receivedOn, decision: null, decidedOn: null, reason: null, lateReason: null }
        : null),
    statementAgreedOn: null,
    panelHeldOn: null,
    findingsIssuedOn: null,
    escalation: null,
    referredToOmbudsmanOn: null,
    ombudsmanDecision: null,
    clarifications: [],
    feeNotices: [],
  };
}

/**
 * What must always be true of a case, whatever happened to it: the rules of
 * the state machine, checked from the outside. An empty list means valid.
 *
 * @example checkCaseInvariants(createCaseState({ type: 'mp_enquiry', receivedOn: '2024-03-28' })) // []
 */
export function checkCaseInvariants(state: CaseState): string[] {
  const problems: string[] = [];
  const notBefore = (date: IsoDate | null | undefined, name: string) => {
    if (date && date < state.receivedOn) problems.push(`${name} is before receivedOn`);
  };
  notBefore(state.acknowledgedOn, 'acknowledgedOn');
  notBefore(state.respondedOn, 'respondedOn');
  notBefore(state.closedOn, 'closedOn');
  notBefore(state.statementAgreedOn, 'statementAgreedOn');
  notBefore(state.panelHeldOn, 'panelHeldOn');
  notBefore(state.findingsIssuedOn, 'findingsIssuedOn');
  if (state.policyDate > state.receivedOn) problems.push('policyDate is after receivedOn');
  if (state.findingsIssuedOn && (!state.panelHeldOn || state.findingsIssuedOn < state.panelHeldOn))
    problems.push('findings before the panel');
  if (state.status === 'acknowledged' && !state.acknowledgedOn) problems.push('acknowledged without acknowledgedOn');
  if (state.status === 'responded' && !state.respondedOn) problems.push('responded without respondedOn');
  if ((state.status === 'closed' || state.status === 'withdrawn' || state.status === 'out_of_remit') && !state.closedOn)
    problems.push(`${state.status} without closedOn`);
  if (state.status === 'out_of_remit' && !state.outOfRemit) problems.push('out of remit without a reason');
  if ((state.status === 'on_hold') !== (state.hold !== null)) problems.push('hold and status disagree');
  if (state.status === 'in_progress' && !state.assignedTo && state.ombudsmanDecision?.decision !== 'to_be_investigated')
    problems.push('in progress without an officer');
  // Imported history may carry a finding without its points; recorded points must agree with it.
  if (state.points.length > 0 && deriveFinding(state.points) !== state.outcome) problems.push('outcome disagrees with the points');
  if (state.outcome && (FINDINGS as readonly string[]).includes(state.outcome) && !state.respondedOn)
    problems.push('a finding without a response');
  const needsRequest = isComplaint(state.type) && (state.stage === '2' || state.stage === '3');
  if (needsRequest !== (state.request !== null)) problems.push('request and stage disagree');
  if (state.request?.decision === 'accepted' && state.status === 'closed' && !state.respondedOn)
    problems.push('accepted request closed without a response');
  if (state.escalation && !state.respondedOn) problems.push('escalated without a response');
  if (state.extension && state.extension.agreedOn < state.receivedOn) problems.push('extension agreed before receipt');
  if (state.type !== 'foi_request' && (state.clarifications.length > 0 || state.feeNotices.length > 0))
    problems.push('FOI records on a case that is not FOI');
  if (state.clarifications.filter((c) => c.receivedOn === null).length > 1) problems.push('more than one pending clarification');
  if (state.feeNotices.filter((f) => f.paidOn === null).length > 1) problems.push('more than one unpaid fees notice');
  if (state.clarifications.some((c) => c.receivedOn !== null && c.receivedOn < c.requestedOn))
    problems.push('clarification received before it was requested');
  if (state.feeNotices.some((f) => f.paidOn !== null && f.paidOn < f.issuedOn)) problems.push('fee paid before the notice');
  return problems;
}
