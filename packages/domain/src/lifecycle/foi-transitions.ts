import type { IsoDate } from '../calendar/iso-date';
import type { CaseRules } from '../policy/resolve-policy';
import type { TCaseCommand } from '../schemas/case-commands';
import type { CaseState } from './case-state';
import { isOpen, notAllowed, refuse, resolveDate, succeed } from './transition-kit';
import type { TransitionResult } from './transition-kit';

type Command<T extends TCaseCommand['type']> = Extract<TCaseCommand, { type: T }>;

function isFoiRequestStage(state: CaseState): boolean {
  return state.type === 'foi_request' && state.stage === 'request';
}

/**
 * Asks the requester to clarify an FOI request: the authority need not
 * comply until the clarification arrives, and the 20 working days then start
 * again (FOIA s.1(3)).
 *
 * @example requestClarification(foi, { type: 'request_clarification', on: '2024-01-10' }, '2024-01-10', rules)
 */
export function requestClarification(
  state: CaseState,
  command: Command<'request_clarification'>,
  today: IsoDate,
  _rules: CaseRules,
): TransitionResult {
  if (!isFoiRequestStage(state)) return refuse('onlyFoiRequest');
  const pending = state.clarifications.find((c) => c.receivedOn === null);
  if (pending) return refuse('clarificationPending', { date: pending.requestedOn });
  if (!isOpen(state.status)) return notAllowed(state);
  const date = resolveDate(command.on, today, state);
  if (!date.ok) return date.result;
  const next: CaseState = { ...state, clarifications: [...state.clarifications, { requestedOn: date.on, receivedOn: null }] };
  return succeed(state, next, [{ type: 'clarification_requested', payload: { on: date.on } }], date.on);
}

/**
 * Records that the clarification arrived: the clock restarts from this day (day 0).
 *
 * @example receiveClarification(foi, { type: 'receive_clarification', on: '2024-01-15' }, '2024-01-15', rules)
 */
export function receiveClarification(
  state: CaseState,
  command: Command<'receive_clarification'>,
  today: IsoDate,
  _rules: CaseRules,
): TransitionResult {
  if (!isFoiRequestStage(state)) return refuse('onlyFoiRequest');
  const index = state.clarifications.findIndex((c) => c.receivedOn === null);
  const pending = state.clarifications[index];
  if (!pending) return refuse('noClarificationPending');
  if (!isOpen(state.status)) return notAllowed(state);
  const date = resolveDate(command.on, today, state, pending.requestedOn);
  if (!date.ok) return date.result;
  const clarifications = state.clarifications.map((c, i) => (i === index ? { ...c, receivedOn: date.on } : c));
  return succeed(state, { ...state, clarifications }, [{ type: 'clarification_received', payload: { on: date.on } }], date.on);
}

/**
 * Sends a fees notice: the days until the fee is paid are not counted
 * (FOIA s.10(2)); unpaid after three months, the request lapses (s.9(2)).
 *
 * @example issueFeeNotice(foi, { type: 'issue_fee_notice', on: '2024-01-10' }, '2024-01-10', rules)
 */
export function issueFeeNotice(
  state: CaseState,
  command: Command<'issue_fee_notice'>,
  today: IsoDate,
  _rules: CaseRules,
): TransitionResult {
  if (!isFoiRequestStage(state)) return refuse('onlyFoiRequest');
  const pending = state.feeNotices.find((f) => f.paidOn === null);
  if (pending) return refuse('feeNoticePending', { date: pending.issuedOn });
  if (!isOpen(state.status)) return notAllowed(state);
  const date = resolveDate(command.on, today, state);
  if (!date.ok) return date.result;
  const next: CaseState = { ...state, feeNotices: [...state.feeNotices, { issuedOn: date.on, paidOn: null }] };
  return succeed(state, next, [{ type: 'fee_notice_issued', payload: { on: date.on } }], date.on);
}

/**
 * Records that the fee was paid: the clock runs again from the next working day.
 *
 * @example recordFeePaid(foi, { type: 'record_fee_paid', on: '2024-01-17' }, '2024-01-17', rules)
 */
export function recordFeePaid(state: CaseState, command: Command<'record_fee_paid'>, today: IsoDate, _rules: CaseRules): TransitionResult {
  if (!isFoiRequestStage(state)) return refuse('onlyFoiRequest');
  const index = state.feeNotices.findIndex((f) => f.paidOn === null);
  const pending = state.feeNotices[index];
  if (!pending) return refuse('noFeeNoticePending');
  if (!isOpen(state.status)) return notAllowed(state);
  const date = resolveDate(command.on, today, state, pending.issuedOn);
  if (!date.ok) return date.result;
  const feeNotices = state.feeNotices.map((f, i) => (i === index ? { ...f, paidOn: date.on } : f));
  return succeed(state, { ...state, feeNotices }, [{ type: 'fee_paid', payload: { on: date.on } }], date.on);
}
