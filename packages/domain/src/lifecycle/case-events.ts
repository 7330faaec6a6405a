import type { IsoDate } from '../calendar/iso-date';
import type { ComplaintPoint } from '../finding/derive-finding';
import type { CaseStatus, OmbudsmanDecision, OutOfRemitReason, Outcome, RequestDecision, Stage } from '../vocabulary';
import type { Remedy } from './case-state';

/**
 * What happened to a case: plain objects the database appends to
 * `case_events` (type + payload). Every transition returns its events; a
 * change of status also returns `status_changed`.
 */
export type CaseEvent =
  | { type: 'acknowledged'; payload: { on: IsoDate } }
  | { type: 'assigned'; payload: { on: IsoDate; officerId: string; previousOfficerId: string | null } }
  | { type: 'deadline_extended'; payload: { agreedOn: IsoDate; limit: number; reason: string; dueOn: IsoDate } }
  | {
      type: 'responded';
      payload: { on: IsoDate; outcome: Outcome | null; points: ComplaintPoint[]; remedies: Remedy[]; responderId: string | null };
    }
  | { type: 'closed'; payload: { on: IsoDate } }
  | { type: 'withdrawn'; payload: { on: IsoDate; reason: string | null } }
  | { type: 'marked_out_of_remit'; payload: { on: IsoDate; reason: OutOfRemitReason; signposting: string } }
  | { type: 'put_on_hold'; payload: { on: IsoDate; reason: string } }
  | { type: 'resumed'; payload: { on: IsoDate } }
  | {
      type: 'next_stage_requested';
      payload: { on: IsoDate; stage: Stage; windowClosesOn: IsoDate | null; late: boolean; lateReason: string | null };
    }
  | { type: 'request_decided'; payload: { on: IsoDate; decision: RequestDecision; reason: string | null } }
  | { type: 'statement_agreed'; payload: { on: IsoDate } }
  | { type: 'panel_held'; payload: { on: IsoDate } }
  | { type: 'panel_findings_issued'; payload: { on: IsoDate } }
  | { type: 'referred_to_ombudsman'; payload: { on: IsoDate } }
  | { type: 'ombudsman_decision_recorded'; payload: { on: IsoDate; decision: OmbudsmanDecision } }
  | { type: 'ombudsman_outcome_recorded'; payload: { on: IsoDate; outcome: Outcome; remedies: Remedy[] } }
  | { type: 'clarification_requested'; payload: { on: IsoDate } }
  | { type: 'clarification_received'; payload: { on: IsoDate } }
  | { type: 'fee_notice_issued'; payload: { on: IsoDate } }
  | { type: 'fee_paid'; payload: { on: IsoDate } }
  | { type: 'status_changed'; payload: { on: IsoDate; from: CaseStatus; to: CaseStatus } };

export type CaseEventType = CaseEvent['type'];
