import { z } from 'zod';
import {
  FINDINGS,
  FOI_OUTCOMES,
  OMBUDSMAN_DECISIONS,
  OMBUDSMAN_OUTCOMES,
  OUTCOMES,
  OUT_OF_REMIT_REASONS,
  REMEDY_TYPES,
  REQUEST_DECISIONS,
} from '../vocabulary';
import { ZIsoDate, ZPounds, zChoice, zOptionalText, zText } from './primitives';

/**
 * Staff commands on a case: the input of `transitionCase`, and of the
 * back-office forms and tRPC procedures that send them. `on` is the date it
 * happened; left out, it is today (UK time).
 */

const on = ZIsoDate.optional();
const reason = zText({ max: 2000, required: 'errors.reason.required' });
const officerId = z
  .string({ error: 'errors.id.invalid' })
  .trim()
  .min(1, { error: 'errors.id.invalid' })
  .max(100, { error: 'errors.id.invalid' });

export const ZRemedy = z.object({
  type: zChoice(REMEDY_TYPES),
  amountPounds: ZPounds.nullable().default(null),
  detail: zOptionalText({ max: 2000 }).transform((value) => value ?? null),
});
export type TRemedy = z.infer<typeof ZRemedy>;

export const ZComplaintPointInput = z.object({
  id: z.string().trim().min(1).max(100).optional(),
  summary: zText({ max: 2000 }),
  finding: zChoice(FINDINGS),
});

export const ZAcknowledgeCaseInput = z.object({ type: z.literal('acknowledge'), on });
export type TAcknowledgeCaseInput = z.infer<typeof ZAcknowledgeCaseInput>;

export const ZAssignCaseInput = z.object({ type: z.literal('assign'), on, officerId });
export type TAssignCaseInput = z.infer<typeof ZAssignCaseInput>;

/** Extend the response deadline to `limit` days (the policy's extended limit if left out), with the date agreed and why. */
export const ZExtendDeadlineInput = z.object({
  type: z.literal('extend'),
  limit: z
    .number({ error: 'errors.number.wholeNumber' })
    .int({ error: 'errors.number.wholeNumber' })
    .min(1, { error: 'errors.number.tooSmall' })
    .max(365, { error: 'errors.number.tooBig' })
    .optional(),
  agreedOn: ZIsoDate,
  reason,
});
export type TExtendDeadlineInput = z.infer<typeof ZExtendDeadlineInput>;

/** The response, with a finding per complaint point (or a closure without finding at Stage 1, or an FOI outcome). */
export const ZRespondToCaseInput = z.object({
  type: z.literal('respond'),
  on,
  responderId: officerId.optional(),
  points: z.array(ZComplaintPointInput).max(50, { error: 'errors.list.tooLong' }).optional(),
  outcome: zChoice(OUTCOMES).optional(),
  remedies: z.array(ZRemedy).max(20, { error: 'errors.list.tooLong' }).optional(),
});
export type TRespondToCaseInput = z.infer<typeof ZRespondToCaseInput>;

export const ZCloseCaseInput = z.object({ type: z.literal('close'), on });
export const ZWithdrawCaseInput = z.object({ type: z.literal('withdraw'), on, reason: zOptionalText({ max: 2000 }) });
export const ZMarkOutOfRemitInput = z.object({
  type: z.literal('mark_out_of_remit'),
  on,
  reason: zChoice(OUT_OF_REMIT_REASONS),
  // Out-of-remit complaints are signposted, not dropped (rules.md).
  signposting: zText({ max: 2000, required: 'errors.signposting.required' }),
});
export const ZPutOnHoldInput = z.object({ type: z.literal('put_on_hold'), on, reason });
export const ZResumeCaseInput = z.object({ type: z.literal('resume'), on });

/** The complainant asks for the next stage (or an FOI internal review, or goes to the ICO). */
export const ZRequestNextStageInput = z.object({ type: z.literal('request_next_stage'), on, lateReason: zOptionalText({ max: 2000 }) });
export type TRequestNextStageInput = z.infer<typeof ZRequestNextStageInput>;

/** The decision on a Stage 2 or 3 request; a rejection needs its reason. */
export const ZDecideRequestInput = z
  .object({ type: z.literal('decide_request'), on, decision: zChoice(REQUEST_DECISIONS), reason: zOptionalText({ max: 2000 }) })
  .superRefine((value, ctx) => {
    if ((value.decision === 'rejected' || value.decision === 'on_hold') && !value.reason) {
      ctx.addIssue({ code: 'custom', message: 'errors.reason.required', path: ['reason'] });
    }
  });
export type TDecideRequestInput = z.infer<typeof ZDecideRequestInput>;

export const ZAgreeStatementInput = z.object({ type: z.literal('agree_statement'), on });
export const ZRecordPanelInput = z.object({ type: z.literal('record_panel'), on });
export const ZRecordPanelFindingsInput = z.object({ type: z.literal('record_panel_findings'), on });
export const ZReferToOmbudsmanInput = z.object({ type: z.literal('refer_to_ombudsman'), on });
export const ZRecordOmbudsmanDecisionInput = z.object({
  type: z.literal('record_ombudsman_decision'),
  on,
  decision: zChoice(OMBUDSMAN_DECISIONS),
});
export const ZRecordOmbudsmanOutcomeInput = z.object({
  type: z.literal('record_ombudsman_outcome'),
  on,
  outcome: zChoice(OMBUDSMAN_OUTCOMES),
  remedies: z.array(ZRemedy).max(20, { error: 'errors.list.tooLong' }).optional(),
});
export const ZRequestClarificationInput = z.object({ type: z.literal('request_clarification'), on });
export const ZReceiveClarificationInput = z.object({ type: z.literal('receive_clarification'), on });
export const ZIssueFeeNoticeInput = z.object({ type: z.literal('issue_fee_notice'), on });
export const ZRecordFeePaidInput = z.object({ type: z.literal('record_fee_paid'), on });

/** Any command, by its `type`. */
export const ZCaseCommand = z.discriminatedUnion('type', [
  ZAcknowledgeCaseInput,
  ZAssignCaseInput,
  ZExtendDeadlineInput,
  ZRespondToCaseInput,
  ZCloseCaseInput,
  ZWithdrawCaseInput,
  ZMarkOutOfRemitInput,
  ZPutOnHoldInput,
  ZResumeCaseInput,
  ZRequestNextStageInput,
  ZDecideRequestInput,
  ZAgreeStatementInput,
  ZRecordPanelInput,
  ZRecordPanelFindingsInput,
  ZReferToOmbudsmanInput,
  ZRecordOmbudsmanDecisionInput,
  ZRecordOmbudsmanOutcomeInput,
  ZRequestClarificationInput,
  ZReceiveClarificationInput,
  ZIssueFeeNoticeInput,
  ZRecordFeePaidInput,
]);
export type TCaseCommand = z.infer<typeof ZCaseCommand>;
export type TCaseCommandType = TCaseCommand['type'];
export const CASE_COMMAND_TYPES = ZCaseCommand.options.map((option) => option.shape.type.value) as TCaseCommandType[];

/** FOI outcomes a response may carry (withdrawal is its own command). */
export const FOI_RESPONSE_OUTCOMES = FOI_OUTCOMES.filter((outcome) => outcome !== 'withdrawn');
