import type { IsoDate } from '../calendar/iso-date';
import { computeDeadline } from '../deadline/compute-deadline';
import { deriveFinding } from '../finding/derive-finding';
import type { ComplaintPoint } from '../finding/derive-finding';
import type { CaseRules } from '../policy/resolve-policy';
import { timescaleKeyFor } from '../policy/timescale-policy';
import type {
  TAcknowledgeCaseInput,
  TAssignCaseInput,
  TCaseCommand,
  TExtendDeadlineInput,
  TRespondToCaseInput,
} from '../schemas/case-commands';
import { FOI_RESPONSE_OUTCOMES } from '../schemas/case-commands';
import { FINDINGS } from '../vocabulary';
import type { Outcome } from '../vocabulary';
import { isComplaint } from './case-state';
import type { CaseState } from './case-state';
import { isOpen, notAllowed, refuse, resolveDate, succeed } from './transition-kit';
import type { TransitionResult } from './transition-kit';

type Command<T extends TCaseCommand['type']> = Extract<TCaseCommand, { type: T }>;

function independentResponderRequired(state: CaseState, rules: CaseRules): boolean {
  const key = timescaleKeyFor(state.type, state.stage);
  return key !== undefined && (rules.policy.timescales[key]?.independentResponder ?? false);
}

function requestNotAccepted(state: CaseState): boolean {
  return state.request !== null && state.request.decision !== 'accepted';
}

/**
 * Acknowledges a case: received -> acknowledged (an officer may already be
 * assigned, in which case it stays in progress). Source: rules.md "Case
 * status"; the acknowledgement deadline is the policy's (3 working days by
 * default, 5 under the Complaint Handling Code).
 *
 * @example acknowledgeCase(state, { type: 'acknowledge', on: '2024-03-29' }, '2024-04-02', rules)
 */
export function acknowledgeCase(state: CaseState, command: TAcknowledgeCaseInput, today: IsoDate, _rules: CaseRules): TransitionResult {
  if (state.acknowledgedOn) return refuse('alreadyAcknowledged', { date: state.acknowledgedOn });
  if (state.status !== 'received' && state.status !== 'in_progress') return notAllowed(state);
  const date = resolveDate(command.on, today, state);
  if (!date.ok) return date.result;
  const next: CaseState = { ...state, acknowledgedOn: date.on, status: state.status === 'received' ? 'acknowledged' : state.status };
  return succeed(state, next, [{ type: 'acknowledged', payload: { on: date.on } }], date.on);
}

/**
 * Assigns (or reassigns) the responding officer: the case is then in
 * progress. At Stage 2 and 3 only an accepted request is investigated; where
 * the policy needs an independent responder (the Code's Stage 2, an FOI
 * internal review) the previous stage's responder cannot take it.
 *
 * @example assignCase(state, { type: 'assign', officerId: 'u-42' }, '2024-04-02', rules)
 */
export function assignCase(state: CaseState, command: TAssignCaseInput, today: IsoDate, rules: CaseRules): TransitionResult {
  if (!isOpen(state.status)) return notAllowed(state);
  if (requestNotAccepted(state)) return refuse('requestNotAccepted');
  if (independentResponderRequired(state, rules) && command.officerId === state.previousResponderId) return refuse('sameResponder');
  const date = resolveDate(command.on, today, state);
  if (!date.ok) return date.result;
  const next: CaseState = { ...state, assignedTo: command.officerId, status: 'in_progress' };
  return succeed(
    state,
    next,
    [{ type: 'assigned', payload: { on: date.on, officerId: command.officerId, previousOfficerId: state.assignedTo } }],
    date.on,
  );
}

/**
 * Extends the response deadline to the policy's extended limit (or less),
 * counted from the same start, with a reason and the date agreed (rules.md).
 * It must be agreed by the deadline: an extension cannot make a late
 * response look on time.
 *
 * @example extendDeadline(state, { type: 'extend', limit: 20, agreedOn: '2024-04-10', reason: 'Complex' }, '2024-04-10', rules)
 */
export function extendDeadline(state: CaseState, command: TExtendDeadlineInput, today: IsoDate, rules: CaseRules): TransitionResult {
  if (!isOpen(state.status) && state.status !== 'on_hold') return notAllowed(state);
  const current = computeDeadline(state, 'response', rules, { explain: false });
  if (current.status === 'none') return refuse('extensionNotAllowed');
  if (current.status !== 'due') return refuse('noDeadlineToExtend');
  const clock = current.clock;
  if (!clock.extension.allowed) return refuse('extensionNotAllowed');
  const limit = command.limit ?? clock.extension.limit;
  if (limit > clock.extension.limit) return refuse('extensionTooLong', { max: clock.extension.limit });
  if (limit <= current.limit) return refuse('extensionNotLonger', { limit: current.limit });
  const date = resolveDate(command.agreedOn, today, state);
  if (!date.ok) return date.result;
  if (date.on > current.dueOn) return refuse('extensionAfterDeadline', { dueOn: current.dueOn });
  const next: CaseState = { ...state, extension: { limit, agreedOn: date.on, reason: command.reason } };
  const extended = computeDeadline(next, 'response', rules, { explain: false });
  const dueOn = extended.status === 'due' ? extended.dueOn : current.dueOn;
  return succeed(
    state,
    next,
    [{ type: 'deadline_extended', payload: { agreedOn: date.on, limit, reason: command.reason, dueOn } }],
    date.on,
  );
}

function outcomeOf(
  state: CaseState,
  command: TRespondToCaseInput,
): { ok: true; outcome: Outcome | null; points: ComplaintPoint[] } | { ok: false; result: TransitionResult } {
  const points: ComplaintPoint[] = (command.points ?? []).map((p, i) => ({
    id: p.id ?? String(i + 1),
    summary: p.summary,
    finding: p.finding,
  }));
  if (isComplaint(state.type)) {
    if (state.stage === 'ombudsman') return { ok: false, result: refuse('ombudsmanUseOutcome') };
    if (command.outcome === 'resolved_on_receipt' || command.outcome === 'local_resolution') {
      // Stage 1 closures without a finding (rules.md "Outcomes").
      if (state.stage !== '1') return { ok: false, result: refuse('outcomeNotForStage') };
      // Resolved without an investigation: findings on points would say otherwise.
      const derivedFromPoints = deriveFinding(points);
      if (derivedFromPoints !== undefined) return { ok: false, result: refuse('outcomeDisagrees', { outcome: derivedFromPoints }) };
      return { ok: true, outcome: command.outcome, points: [] };
    }
    if (command.outcome !== undefined && !(FINDINGS as readonly string[]).includes(command.outcome))
      return { ok: false, result: refuse('outcomeNotForStage') };
    const derived = deriveFinding(points);
    if (derived === undefined) return { ok: false, result: refuse('findingsRequired') };
    if (command.outcome !== undefined && command.outcome !== derived)
      return { ok: false, result: refuse('outcomeDisagrees', { outcome: derived }) };
    return { ok: true, outcome: derived, points };
  }
  if (points.length > 0) return { ok: false, result: refuse('outcomeNotForStage') };
  if (state.type === 'foi_request' && state.stage !== 'information_commissioner') {
    if (command.outcome === undefined || !(FOI_RESPONSE_OUTCOMES as readonly string[]).includes(command.outcome)) {
      return { ok: false, result: refuse('foiOutcomeRequired') };
    }
    return { ok: true, outcome: command.outcome, points };
  }
  if (command.outcome !== undefined) return { ok: false, result: refuse('outcomeNotForStage') };
  return { ok: true, outcome: null, points };
}

/**
 * Records the response: for a complaint, each point and its finding, the
 * complaint's finding derived from them (rules.md "Outcomes"), remedies; or
 * a Stage 1 closure without finding (resolved on receipt, local
 * resolution); for FOI, its outcome. The case is then responded.
 *
 * @example respondToCase(state, { type: 'respond', points: [{ summary: 'Delay', finding: 'upheld' }] }, '2024-04-15', rules)
 */
export function respondToCase(state: CaseState, command: TRespondToCaseInput, today: IsoDate, rules: CaseRules): TransitionResult {
  if (!isOpen(state.status)) return notAllowed(state);
  if (requestNotAccepted(state)) return refuse('requestNotAccepted');
  if (state.type === 'children_act_complaint' && state.stage === '3' && !state.findingsIssuedOn) return refuse('panelNotHeld');
  const responderId = command.responderId ?? state.assignedTo;
  if (independentResponderRequired(state, rules) && responderId !== null && responderId === state.previousResponderId)
    return refuse('sameResponder');
  const outcome = outcomeOf(state, command);
  if (!outcome.ok) return outcome.result;
  const date = resolveDate(command.on, today, state);
  if (!date.ok) return date.result;
  const remedies = (command.remedies ?? []).map((r) => ({ type: r.type, amountPounds: r.amountPounds ?? null, detail: r.detail ?? null }));
  const next: CaseState = {
    ...state,
    status: 'responded',
    respondedOn: date.on,
    responderId,
    outcome: outcome.outcome,
    points: outcome.points,
    remedies,
  };
  return succeed(
    state,
    next,
    [{ type: 'responded', payload: { on: date.on, outcome: outcome.outcome, points: outcome.points, remedies, responderId } }],
    date.on,
  );
}

/**
 * Closes a case after its response (a compliment needs none).
 *
 * @example closeCase(state, { type: 'close' }, '2024-05-20', rules)
 */
export function closeCase(state: CaseState, command: Command<'close'>, today: IsoDate, _rules: CaseRules): TransitionResult {
  const canClose = state.status === 'responded' || (state.type === 'compliment' && isOpen(state.status));
  if (!canClose) return isOpen(state.status) ? refuse('closeNeedsResponse') : notAllowed(state);
  const date = resolveDate(command.on, today, state, state.respondedOn);
  if (!date.ok) return date.result;
  const next: CaseState = { ...state, status: 'closed', closedOn: date.on };
  return succeed(state, next, [{ type: 'closed', payload: { on: date.on } }], date.on);
}

/**
 * The person withdraws the case (a side exit, rules.md "Case status").
 *
 * @example withdrawCase(state, { type: 'withdraw', reason: 'Resolved by the school' }, '2024-04-02', rules)
 */
export function withdrawCase(state: CaseState, command: Command<'withdraw'>, today: IsoDate, _rules: CaseRules): TransitionResult {
  if (!isOpen(state.status) && state.status !== 'on_hold') return notAllowed(state);
  const date = resolveDate(command.on, today, state);
  if (!date.ok) return date.result;
  const recordsOutcome = (isComplaint(state.type) && state.stage === '1') || state.type === 'foi_request';
  const next: CaseState = {
    ...state,
    status: 'withdrawn',
    closedOn: date.on,
    hold: null,
    withdrawalReason: command.reason ?? null,
    outcome: recordsOutcome ? 'withdrawn' : state.outcome,
  };
  return succeed(state, next, [{ type: 'withdrawn', payload: { on: date.on, reason: command.reason ?? null } }], date.on);
}

/**
 * Declines a complaint as out of remit, with the reason recorded and where
 * the person was signposted (rules.md: "signposted, not dropped"; e.g.
 * regulation 8, court proceedings).
 *
 * @example markOutOfRemit(state, { type: 'mark_out_of_remit', reason: 'court_or_tribunal_proceedings', signposting: 'Family court' }, '2024-04-02', rules)
 */
export function markOutOfRemit(
  state: CaseState,
  command: Command<'mark_out_of_remit'>,
  today: IsoDate,
  _rules: CaseRules,
): TransitionResult {
  if (!isComplaint(state.type) || state.stage === 'ombudsman') return refuse('notForType');
  if (!isOpen(state.status) && state.status !== 'on_hold') return notAllowed(state);
  const date = resolveDate(command.on, today, state);
  if (!date.ok) return date.result;
  const next: CaseState = {
    ...state,
    status: 'out_of_remit',
    closedOn: date.on,
    hold: null,
    outOfRemit: { reason: command.reason, signposting: command.signposting },
    outcome: state.stage === '1' ? 'out_of_remit' : state.outcome,
  };
  return succeed(
    state,
    next,
    [{ type: 'marked_out_of_remit', payload: { on: date.on, reason: command.reason, signposting: command.signposting } }],
    date.on,
  );
}

/**
 * Puts an open case on hold, remembering where it was.
 *
 * @example putOnHold(state, { type: 'put_on_hold', reason: 'Awaiting court hearing' }, '2024-04-02', rules)
 */
export function putOnHold(state: CaseState, command: Command<'put_on_hold'>, today: IsoDate, _rules: CaseRules): TransitionResult {
  if (!isOpen(state.status)) return notAllowed(state);
  const date = resolveDate(command.on, today, state);
  if (!date.ok) return date.result;
  const next: CaseState = {
    ...state,
    status: 'on_hold',
    hold: { since: date.on, reason: command.reason, resumeTo: state.status as 'received' | 'acknowledged' | 'in_progress' },
  };
  return succeed(state, next, [{ type: 'put_on_hold', payload: { on: date.on, reason: command.reason } }], date.on);
}

/**
 * Takes a case off hold, back to where it was (a Stage 2 or 3 request held
 * pending returns to pending).
 *
 * @example resumeCase(state, { type: 'resume' }, '2024-04-20', rules)
 */
export function resumeCase(state: CaseState, command: Command<'resume'>, today: IsoDate, _rules: CaseRules): TransitionResult {
  if (state.status !== 'on_hold' || !state.hold) return notAllowed(state);
  const date = resolveDate(command.on, today, state, state.hold.since);
  if (!date.ok) return date.result;
  const request = state.request?.decision === 'on_hold' ? { ...state.request, decision: null, decidedOn: null } : state.request;
  const next: CaseState = { ...state, status: state.hold.resumeTo, hold: null, request };
  return succeed(state, next, [{ type: 'resumed', payload: { on: date.on } }], date.on);
}
