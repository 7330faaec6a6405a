import { isIsoDate, toUkDate } from '../calendar/iso-date';
import type { IsoDate } from '../calendar/iso-date';
import type { CaseRules } from '../policy/resolve-policy';
import { ZCaseCommand } from '../schemas/case-commands';
import type { TCaseCommand } from '../schemas/case-commands';
import { ZCaseState } from '../schemas/case-state-schema';
import type { CaseState } from './case-state';
import {
  agreeStatement,
  decideRequest,
  recordOmbudsmanDecision,
  recordOmbudsmanOutcome,
  recordPanel,
  recordPanelFindings,
  referToOmbudsman,
  requestNextStage,
} from './escalation-transitions';
import type { TransitionContext } from './escalation-transitions';
import { issueFeeNotice, receiveClarification, recordFeePaid, requestClarification } from './foi-transitions';
import {
  acknowledgeCase,
  assignCase,
  closeCase,
  extendDeadline,
  markOutOfRemit,
  putOnHold,
  respondToCase,
  resumeCase,
  withdrawCase,
} from './status-transitions';
import { refuse } from './transition-kit';
import type { TransitionResult } from './transition-kit';

function todayOf(now: IsoDate | Date | number | string): IsoDate | undefined {
  if (typeof now === 'string' && isIsoDate(now)) return now;
  const instant = now instanceof Date ? now : new Date(now);
  return Number.isNaN(instant.getTime()) ? undefined : toUkDate(instant);
}

function dispatch(state: CaseState, command: TCaseCommand, today: IsoDate, rules: CaseRules, context: TransitionContext): TransitionResult {
  switch (command.type) {
    case 'acknowledge':
      return acknowledgeCase(state, command, today, rules);
    case 'assign':
      return assignCase(state, command, today, rules);
    case 'extend':
      return extendDeadline(state, command, today, rules);
    case 'respond':
      return respondToCase(state, command, today, rules);
    case 'close':
      return closeCase(state, command, today, rules);
    case 'withdraw':
      return withdrawCase(state, command, today, rules);
    case 'mark_out_of_remit':
      return markOutOfRemit(state, command, today, rules);
    case 'put_on_hold':
      return putOnHold(state, command, today, rules);
    case 'resume':
      return resumeCase(state, command, today, rules);
    case 'request_next_stage':
      return requestNextStage(state, command, today, rules);
    case 'decide_request':
      return decideRequest(state, command, today, rules);
    case 'agree_statement':
      return agreeStatement(state, command, today, rules);
    case 'record_panel':
      return recordPanel(state, command, today, rules);
    case 'record_panel_findings':
      return recordPanelFindings(state, command, today, rules);
    case 'refer_to_ombudsman':
      return referToOmbudsman(state, command, today, rules, context);
    case 'record_ombudsman_decision':
      return recordOmbudsmanDecision(state, command, today, rules);
    case 'record_ombudsman_outcome':
      return recordOmbudsmanOutcome(state, command, today, rules);
    case 'request_clarification':
      return requestClarification(state, command, today, rules);
    case 'receive_clarification':
      return receiveClarification(state, command, today, rules);
    case 'issue_fee_notice':
      return issueFeeNotice(state, command, today, rules);
    case 'record_fee_paid':
      return recordFeePaid(state, command, today, rules);
  }
}

/**
 * The case lifecycle as one pure function: a case, a staff command, the
 * time now and the case's rules (its policy and calendars) give the new
 * state and the events to append, or a typed refusal with a message key
 * saying why (e.g. `refusal.escalationWindowClosed` with `closesOn`). The
 * command and the state are validated first, so nothing here throws.
 * Source: rules.md "Case status", "Complaint stages", "Working days and
 * deadlines" (FOI). `context` carries what the caller knows of related
 * cases (e.g. the Ombudsman cases already opened from this one).
 *
 * @example transitionCase(state, { type: 'acknowledge' }, new Date(), rules)
 * // { ok: true, state: { ...state, status: 'acknowledged', acknowledgedOn: '2024-04-02' }, events: [...], spawned: null }
 */
export function transitionCase(
  state: CaseState,
  command: unknown,
  now: IsoDate | Date | number | string,
  rules: CaseRules,
  context: TransitionContext = {},
): TransitionResult {
  const today = todayOf(now);
  const parsedCommand = ZCaseCommand.safeParse(command);
  if (today === undefined || !parsedCommand.success) return refuse('invalidCommand');
  if (!ZCaseState.safeParse(state).success) return refuse('invalidState');
  return dispatch(state, parsedCommand.data, today, rules, context);
}
