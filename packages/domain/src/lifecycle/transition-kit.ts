import type { IsoDate } from '../calendar/iso-date';
import type { DomainMessageKey, MessageParams } from '../schemas/messages';
import type { CaseStatus } from '../vocabulary';
import type { CaseEvent } from './case-events';
import type { CaseState } from './case-state';

/** Why a command was refused: a stable code, and a message key with its parameters. */
export type RefusalCode = Extract<DomainMessageKey, `refusal.${string}`> extends `refusal.${infer Code}` ? Code : never;
export type Refusal = { code: RefusalCode; key: Extract<DomainMessageKey, `refusal.${string}`>; params: MessageParams };

/**
 * The result of a transition: the new state and its events (and, when the
 * command opens a next stage, the new stage's case), or a refusal. Never an
 * exception.
 */
export type TransitionResult =
  { ok: true; state: CaseState; events: CaseEvent[]; spawned: CaseState | null } | { ok: false; refusal: Refusal };

export function refuse(code: RefusalCode, params: MessageParams = {}): TransitionResult {
  return { ok: false, refusal: { code, key: `refusal.${code}`, params } };
}

/** A successful transition; adds `status_changed` when the status moved. */
export function succeed(
  before: CaseState,
  after: CaseState,
  events: CaseEvent[],
  on: IsoDate,
  spawned: CaseState | null = null,
): TransitionResult {
  const all = [...events];
  if (before.status !== after.status) all.push({ type: 'status_changed', payload: { on, from: before.status, to: after.status } });
  return { ok: true, state: after, events: all, spawned };
}

/** Statuses in which work on a case goes on. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'acknowledged', 'in_progress'];

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/**
 * The date a command happened: its `on`, or today. Never in the future and
 * never before the case was received, nor before `notBefore` when given.
 */
export function resolveDate(
  on: IsoDate | undefined,
  today: IsoDate,
  state: CaseState,
  notBefore?: IsoDate | null,
): { ok: true; on: IsoDate } | { ok: false; result: TransitionResult } {
  const date = on ?? today;
  if (date > today) return { ok: false, result: refuse('dateInFuture', { date }) };
  if (date < state.receivedOn) return { ok: false, result: refuse('dateBeforeReceived', { date, receivedOn: state.receivedOn }) };
  if (notBefore && date < notBefore) return { ok: false, result: refuse('dateBefore', { date, earlierOn: notBefore }) };
  return { ok: true, on: date };
}

export function notAllowed(state: CaseState): TransitionResult {
  return refuse('notAllowedInStatus', { status: state.status });
}
