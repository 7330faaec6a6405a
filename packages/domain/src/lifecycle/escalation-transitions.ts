import type { IsoDate } from '../calendar/iso-date';
import { computeRequestWindow } from '../deadline/windows';
import type { CaseRules } from '../policy/resolve-policy';
import { timescaleKeyFor } from '../policy/timescale-policy';
import type { TCaseCommand, TDecideRequestInput, TRequestNextStageInput } from '../schemas/case-commands';
import type { OmbudsmanDecision, Stage } from '../vocabulary';
import { createCaseState, isComplaint } from './case-state';
import type { CaseState } from './case-state';
import { isOpen, notAllowed, refuse, resolveDate, succeed } from './transition-kit';
import type { TransitionResult } from './transition-kit';

type Command<T extends TCaseCommand['type']> = Extract<TCaseCommand, { type: T }>;

function nextStageOf(state: CaseState): Stage | null {
  if (isComplaint(state.type)) return state.stage === '1' ? '2' : state.stage === '2' ? '3' : null;
  if (state.type === 'foi_request')
    return state.stage === 'request' ? 'internal_review' : state.stage === 'internal_review' ? 'information_commissioner' : null;
  return null;
}

/**
 * The complainant asks for the next stage (Stage 1 -> 2 -> 3), or for an FOI
 * internal review, or appeals to the Information Commissioner. Only after a
 * response; within the window (20 working days of the response for
 * complaints, 40 for an FOI review, rules.md), or later with a recorded
 * reason. Opens the next stage as its own case (`spawned`), which keeps the
 * policy the complaint started under.
 *
 * @example requestNextStage(stage1, { type: 'request_next_stage', on: '2024-02-13' }, '2024-02-13', rules)
 * // refusal 'escalationWindowClosed' { closesOn: '2024-02-12' } when Stage 1 was answered on 2024-01-15
 */
export function requestNextStage(state: CaseState, command: TRequestNextStageInput, today: IsoDate, rules: CaseRules): TransitionResult {
  if (!isComplaint(state.type) && state.type !== 'foi_request') return refuse('notForType');
  const next = nextStageOf(state);
  if (next === null) return refuse('noFurtherStage');
  if (state.escalation) return refuse('alreadyEscalated', { date: state.escalation.requestedOn });
  if (!state.respondedOn) {
    if (state.type === 'foi_request') return refuse(state.stage === 'request' ? 'reviewBeforeResponse' : 'icoBeforeReview');
    return refuse('nextStageBeforeResponse', { next, current: state.stage ?? '' });
  }
  if (state.status !== 'responded' && state.status !== 'closed') return notAllowed(state);
  const key = timescaleKeyFor(state.type, next);
  if (key === undefined || rules.policy.timescales[key] === null) return refuse('stageNotOffered', { next });
  const date = resolveDate(command.on, today, state, state.respondedOn);
  if (!date.ok) return date.result;

  // The ICO sets its own time limits; the council's window applies to its own stages.
  let closesOn: IsoDate | null = null;
  if (next !== 'information_commissioner') {
    closesOn = computeRequestWindow(state.respondedOn, next === 'internal_review' ? 'foi_internal_review' : 'next_stage', rules).closesOn;
    if (date.on > closesOn && !command.lateReason)
      return refuse(next === 'internal_review' ? 'reviewWindowClosed' : 'escalationWindowClosed', { closesOn });
  }
  const late = closesOn !== null && date.on > closesOn;
  const lateReason = late ? (command.lateReason ?? null) : null;
  const spawned = createCaseState({
    type: state.type,
    stage: next,
    framework: state.framework,
    receivedOn: date.on,
    policyDate: state.policyDate,
    previousResponderId: state.responderId,
    request: isComplaint(state.type) ? { requestedOn: date.on, decision: null, decidedOn: null, reason: null, lateReason } : null,
  });
  const updated: CaseState = { ...state, escalation: { stage: next, requestedOn: date.on } };
  return succeed(
    state,
    updated,
    [{ type: 'next_stage_requested', payload: { on: date.on, stage: next, windowClosesOn: closesOn, late, lateReason } }],
    date.on,
    spawned,
  );
}

/**
 * The council's decision on a Stage 2 or 3 request (rules.md): accepted (only
 * accepted requests are investigated), rejected (with its reason), withdrawn,
 * resolved by ADR, or on hold.
 *
 * @example decideRequest(stage2, { type: 'decide_request', decision: 'accepted' }, '2024-02-20', rules)
 */
export function decideRequest(state: CaseState, command: TDecideRequestInput, today: IsoDate, _rules: CaseRules): TransitionResult {
  if (!state.request) return refuse('noRequest');
  if (state.request.decision !== null && state.request.decision !== 'on_hold')
    return refuse('requestAlreadyDecided', { date: state.request.decidedOn ?? state.request.requestedOn });
  if (!isOpen(state.status) && state.status !== 'on_hold') return notAllowed(state);
  if (state.status === 'on_hold' && state.request.decision !== 'on_hold') return notAllowed(state);
  if (command.decision === 'on_hold' && state.status === 'on_hold') return notAllowed(state);
  const date = resolveDate(command.on, today, state);
  if (!date.ok) return date.result;
  const reason = command.reason ?? null;
  const request = { ...state.request, decision: command.decision, decidedOn: date.on, reason };
  let next: CaseState = { ...state, request };
  const resumeTo = state.hold?.resumeTo ?? (state.status === 'on_hold' ? 'received' : state.status);
  switch (command.decision) {
    case 'accepted':
      next = { ...next, status: resumeTo as CaseState['status'], hold: null };
      break;
    case 'rejected':
    case 'resolved_by_adr':
      next = { ...next, status: 'closed', closedOn: date.on, hold: null };
      break;
    case 'withdrawn':
      next = { ...next, status: 'withdrawn', closedOn: date.on, hold: null, withdrawalReason: reason };
      break;
    case 'on_hold':
      next = {
        ...next,
        status: 'on_hold',
        hold: { since: date.on, reason: reason ?? '', resumeTo: state.status as 'received' | 'acknowledged' | 'in_progress' },
      };
      break;
  }
  return succeed(state, next, [{ type: 'request_decided', payload: { on: date.on, decision: command.decision, reason } }], date.on);
}

/**
 * Records the date the written statement of complaint was agreed with the
 * complainant: statutory Stage 2's 25 working days run from it (regulations
 * 16-17), not from the request.
 *
 * @example agreeStatement(stage2, { type: 'agree_statement', on: '2024-03-18' }, '2024-03-18', rules)
 */
export function agreeStatement(state: CaseState, command: Command<'agree_statement'>, today: IsoDate, _rules: CaseRules): TransitionResult {
  if (state.type !== 'children_act_complaint' || state.stage !== '2') return refuse('statementOnlyStatutoryStage2');
  if (state.statementAgreedOn) return refuse('alreadyRecorded', { date: state.statementAgreedOn });
  if (state.request?.decision !== 'accepted') return refuse('requestNotAccepted');
  if (!isOpen(state.status)) return notAllowed(state);
  const date = resolveDate(command.on, today, state);
  if (!date.ok) return date.result;
  return succeed(state, { ...state, statementAgreedOn: date.on }, [{ type: 'statement_agreed', payload: { on: date.on } }], date.on);
}

/**
 * Records the review panel's date (statutory Stage 3): its findings are due
 * within 5 working days of it.
 *
 * @example recordPanel(stage3, { type: 'record_panel', on: '2024-02-15' }, '2024-02-15', rules)
 */
export function recordPanel(state: CaseState, command: Command<'record_panel'>, today: IsoDate, _rules: CaseRules): TransitionResult {
  if (state.type !== 'children_act_complaint' || state.stage !== '3') return refuse('panelOnlyStatutoryStage3');
  if (state.panelHeldOn) return refuse('alreadyRecorded', { date: state.panelHeldOn });
  if (state.request?.decision !== 'accepted') return refuse('requestNotAccepted');
  if (!isOpen(state.status)) return notAllowed(state);
  const date = resolveDate(command.on, today, state);
  if (!date.ok) return date.result;
  return succeed(state, { ...state, panelHeldOn: date.on }, [{ type: 'panel_held', payload: { on: date.on } }], date.on);
}

/**
 * Records the date of the panel's findings: the response is due within 15
 * working days of them.
 *
 * @example recordPanelFindings(stage3, { type: 'record_panel_findings', on: '2024-02-22' }, '2024-02-22', rules)
 */
export function recordPanelFindings(
  state: CaseState,
  command: Command<'record_panel_findings'>,
  today: IsoDate,
  _rules: CaseRules,
): TransitionResult {
  if (state.type !== 'children_act_complaint' || state.stage !== '3') return refuse('panelOnlyStatutoryStage3');
  if (!state.panelHeldOn) return refuse('panelNotHeld');
  if (state.findingsIssuedOn) return refuse('alreadyRecorded', { date: state.findingsIssuedOn });
  if (!isOpen(state.status)) return notAllowed(state);
  const date = resolveDate(command.on, today, state, state.panelHeldOn);
  if (!date.ok) return date.result;
  return succeed(state, { ...state, findingsIssuedOn: date.on }, [{ type: 'panel_findings_issued', payload: { on: date.on } }], date.on);
}

/**
 * An Ombudsman case already opened from a stage, as the caller found it: when
 * it was referred, and the Ombudsman's initial decision on it (`null`: not
 * decided yet).
 */
export type EarlierOmbudsmanReferral = { referredOn: IsoDate; decision: OmbudsmanDecision | null; decidedOn: IsoDate | null };

/** What a transition may need to know beyond the case itself (the lifecycle holds one case record). */
export type TransitionContext = {
  /**
   * Every Ombudsman case opened from this case. Left out, a case that was
   * referred is taken as referred for good.
   */
  ombudsmanReferrals?: readonly EarlierOmbudsmanReferral[];
};

/**
 * The complainant has gone to the Ombudsman (from any stage: they may skip
 * ahead, and the LGSCO sends premature referrals back). Opens the Ombudsman
 * stage as its own case. A stage may be referred again only when the
 * Ombudsman sent every earlier referral back as premature, and not before the
 * last of them came back (rules.md "Complaint stages").
 *
 * @example referToOmbudsman(stage1, { type: 'refer_to_ombudsman', on: '2024-05-01' }, '2024-05-01', rules)
 * @example referToOmbudsman(stage1, { type: 'refer_to_ombudsman' }, '2024-03-01', rules, { ombudsmanReferrals: [{ referredOn: '2024-01-20', decision: 'premature', decidedOn: '2024-02-01' }] })
 * // a new Ombudsman case: the first referral was sent back as premature
 */
export function referToOmbudsman(
  state: CaseState,
  command: Command<'refer_to_ombudsman'>,
  today: IsoDate,
  _rules: CaseRules,
  context: TransitionContext = {},
): TransitionResult {
  if (!isComplaint(state.type) || state.stage === 'ombudsman') return refuse('notForType');
  const earlier = context.ombudsmanReferrals;
  // Without the earlier Ombudsman cases (or with none found for a case that says it was referred), nothing shows it came back.
  if (state.referredToOmbudsmanOn && (earlier === undefined || earlier.length === 0))
    return refuse('alreadyReferredToOmbudsman', { date: state.referredToOmbudsmanOn });
  const pending = earlier?.find((r) => r.decision === null);
  if (pending) return refuse('ombudsmanReferralPending', { date: pending.referredOn });
  const kept = earlier?.find((r) => r.decision !== 'premature');
  if (kept) return refuse('alreadyReferredToOmbudsman', { date: kept.referredOn });
  const sentBackOn = (earlier ?? []).reduce<IsoDate | null>((latest, r) => (r.decidedOn && (!latest || r.decidedOn > latest) ? r.decidedOn : latest), null);
  const date = resolveDate(command.on, today, state, sentBackOn);
  if (!date.ok) return date.result;
  const spawned = createCaseState({
    type: state.type,
    stage: 'ombudsman',
    framework: state.framework,
    receivedOn: date.on,
    policyDate: state.policyDate,
    previousResponderId: state.responderId,
  });
  return succeed(
    state,
    { ...state, referredToOmbudsmanOn: date.on },
    [{ type: 'referred_to_ombudsman', payload: { on: date.on } }],
    date.on,
    spawned,
  );
}

/**
 * The Ombudsman's initial decision: premature (sent back to the council) and
 * not investigated close the Ombudsman case; to be investigated keeps it open.
 *
 * @example recordOmbudsmanDecision(ombudsmanCase, { type: 'record_ombudsman_decision', decision: 'premature' }, '2024-05-20', rules)
 */
export function recordOmbudsmanDecision(
  state: CaseState,
  command: Command<'record_ombudsman_decision'>,
  today: IsoDate,
  _rules: CaseRules,
): TransitionResult {
  if (state.stage !== 'ombudsman') return refuse('notForType');
  if (state.ombudsmanDecision) return refuse('alreadyRecorded', { date: state.ombudsmanDecision.decidedOn });
  if (!isOpen(state.status) && state.status !== 'on_hold') return notAllowed(state);
  const date = resolveDate(command.on, today, state);
  if (!date.ok) return date.result;
  const decided = {
    ...state,
    ombudsmanDecision: { decision: command.decision, decidedOn: date.on },
    outcome: command.decision,
    hold: null,
  };
  const next: CaseState =
    command.decision === 'to_be_investigated' ? { ...decided, status: 'in_progress' } : { ...decided, status: 'closed', closedOn: date.on };
  return succeed(state, next, [{ type: 'ombudsman_decision_recorded', payload: { on: date.on, decision: command.decision } }], date.on);
}

/**
 * The Ombudsman's final decision on an investigated complaint (fault causing
 * injustice, fault without injustice, no fault) and any remedies.
 *
 * @example recordOmbudsmanOutcome(ombudsmanCase, { type: 'record_ombudsman_outcome', outcome: 'fault_causing_injustice', remedies: [{ type: 'apology' }] }, '2024-09-01', rules)
 */
export function recordOmbudsmanOutcome(
  state: CaseState,
  command: Command<'record_ombudsman_outcome'>,
  today: IsoDate,
  _rules: CaseRules,
): TransitionResult {
  if (state.stage !== 'ombudsman') return refuse('notForType');
  if (state.ombudsmanDecision?.decision !== 'to_be_investigated') return refuse('ombudsmanDecisionFirst');
  if (!isOpen(state.status)) return notAllowed(state);
  const date = resolveDate(command.on, today, state, state.ombudsmanDecision.decidedOn);
  if (!date.ok) return date.result;
  const remedies = (command.remedies ?? []).map((r) => ({ type: r.type, amountPounds: r.amountPounds ?? null, detail: r.detail ?? null }));
  const next: CaseState = { ...state, status: 'responded', respondedOn: date.on, outcome: command.outcome, remedies };
  return succeed(
    state,
    next,
    [{ type: 'ombudsman_outcome_recorded', payload: { on: date.on, outcome: command.outcome, remedies } }],
    date.on,
  );
}
