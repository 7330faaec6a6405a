import { OMBUDSMAN_OUTCOMES, ZIsoDate, ZRemedy, zChoice } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { loadCase, remediesForCommand, runCommand } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZOn } from '../casework/schemas';

/**
 * The Ombudsman's final decision (fault causing injustice, fault without
 * injustice, no fault), the remedies it recommended and the date by which
 * the council is to comply; each remedy's compliance is recorded later.
 */
export const ombudsmanOutcome = caseProcedure('escalate')
  .input(
    ZCaseId.extend({
      on: ZOn,
      outcome: zChoice(OMBUDSMAN_OUTCOMES),
      remedies: z.array(ZRemedy).max(20, { error: 'errors.list.tooLong' }).default([]),
      complianceDueOn: ZIsoDate.optional(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    if (input.outcome === 'no_fault' && input.remedies.length > 0) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { remedies: 'casework.errors.noFaultNoRemedy' } });
    input.remedies.forEach((remedy, index) => {
      if (remedy.type === 'financial' && !(remedy.amountPounds && remedy.amountPounds > 0)) {
        throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { [`remedies.${index}.amountPounds`]: 'casework.errors.amountRequired' } });
      }
    });
    const record = await loadCase(ctx, input.caseId, 'escalate', { forUpdate: true });
    if (input.complianceDueOn && input.complianceDueOn < record.receivedOn) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { complianceDueOn: 'errors.date.beforeReceived' } });
    await runCommand(
      ctx,
      record,
      { type: 'record_ombudsman_outcome', outcome: input.outcome, remedies: remediesForCommand(input.remedies), ...(input.on ? { on: input.on } : {}) },
      { detail: 'staff.escalation.ombudsmanOutcome', extras: { complianceDueOn: input.complianceDueOn ?? null } },
    );
    return { ok: true as const };
  });
