import { caseworkRepository } from '@heard/db';
import { REQUEST_DECISIONS, zChoice, zOptionalText } from '@heard/domain';
import { loadCase, runCommand } from '../casework/context';
import { recordLetter } from '../casework/letter-service';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZLetterChoice, ZOn } from '../casework/schemas';

/** The decision on a Stage 2 or 3 request: accepted, rejected (with why), withdrawn, resolved by ADR, or on hold. */
export const decide = caseProcedure('escalate')
  .input(ZCaseId.extend({ on: ZOn, decision: zChoice(REQUEST_DECISIONS), reason: zOptionalText({ max: 2000 }), letter: ZLetterChoice.optional() }).superRefine((value, refinement) => {
    if ((value.decision === 'rejected' || value.decision === 'on_hold') && !value.reason) {
      refinement.addIssue({ code: 'custom', message: 'errors.reason.required', path: ['reason'] });
    }
  }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'escalate', { forUpdate: true });
    const { caseId, letter, ...command } = input;
    await runCommand(ctx, record, { type: 'decide_request', ...command }, { detail: 'staff.escalation.decide' });
    if (letter) await recordLetter(ctx, (await caseworkRepository(ctx.tx).findById(caseId))!, letter);
    return { ok: true as const };
  });
