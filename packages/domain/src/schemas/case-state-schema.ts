import { z } from 'zod';
import {
  CASE_STATUSES,
  CASE_TYPES,
  FINDINGS,
  FRAMEWORKS,
  OMBUDSMAN_DECISIONS,
  OUTCOMES,
  OUT_OF_REMIT_REASONS,
  REMEDY_TYPES,
  REQUEST_DECISIONS,
  STAGES,
} from '../vocabulary';
import { ZIsoDate } from './primitives';

const date = ZIsoDate;
const nullableDate = ZIsoDate.nullable();

/**
 * A case state as stored: `transitionCase` checks its input against this, so
 * a corrupt record is refused rather than half-processed.
 */
export const ZCaseState = z.object({
  type: z.enum(CASE_TYPES),
  stage: z.enum(STAGES).nullable(),
  framework: z.enum(FRAMEWORKS),
  status: z.enum(CASE_STATUSES),
  receivedOn: date,
  policyDate: date,
  acknowledgedOn: nullableDate,
  assignedTo: z.string().nullable(),
  complex: z.boolean(),
  extension: z.object({ limit: z.number().int().min(1).max(365), agreedOn: date, reason: z.string() }).nullable(),
  respondedOn: nullableDate,
  responderId: z.string().nullable(),
  previousResponderId: z.string().nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  points: z.array(z.object({ id: z.string(), summary: z.string(), finding: z.enum(FINDINGS).nullable() })),
  remedies: z.array(z.object({ type: z.enum(REMEDY_TYPES), amountPounds: z.number().nullable(), detail: z.string().nullable() })),
  closedOn: nullableDate,
  hold: z.object({ since: date, reason: z.string(), resumeTo: z.enum(['received', 'acknowledged', 'in_progress']) }).nullable(),
  outOfRemit: z.object({ reason: z.enum(OUT_OF_REMIT_REASONS), signposting: z.string() }).nullable(),
  withdrawalReason: z.string().nullable(),
  request: z
    .object({
      requestedOn: date,
      decision: z.enum(REQUEST_DECISIONS).nullable(),
      decidedOn: nullableDate,
      reason: z.string().nullable(),
      lateReason: z.string().nullable(),
    })
    .nullable(),
  statementAgreedOn: nullableDate,
  panelHeldOn: nullableDate,
  findingsIssuedOn: nullableDate,
  escalation: z.object({ stage: z.enum(STAGES), requestedOn: date }).nullable(),
  referredToOmbudsmanOn: nullableDate,
  ombudsmanDecision: z.object({ decision: z.enum(OMBUDSMAN_DECISIONS), decidedOn: date }).nullable(),
  clarifications: z.array(z.object({ requestedOn: date, receivedOn: nullableDate })),
  feeNotices: z.array(z.object({ issuedOn: date, paidOn: nullableDate })),
});
export type TCaseState = z.infer<typeof ZCaseState>;
