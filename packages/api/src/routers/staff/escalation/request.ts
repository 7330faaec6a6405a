import { zOptionalText } from '@heard/domain';
import { loadCase, runCommand } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZOn } from '../casework/schemas';

/**
 * Records that the complainant asked for the next stage (or an FOI internal
 * review, or went to the Information Commissioner), on the date they asked:
 * after the window closed, only with a recorded reason. The next stage opens
 * as its own case, linked to this one.
 */
export const request = caseProcedure('escalate')
  .input(ZCaseId.extend({ on: ZOn, lateReason: zOptionalText({ max: 2000 }) }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'escalate', { forUpdate: true });
    const result = await runCommand(
      ctx,
      record,
      { type: 'request_next_stage', ...(input.on ? { on: input.on } : {}), ...(input.lateReason ? { lateReason: input.lateReason } : {}) },
      { detail: 'staff.escalation.request' },
    );
    return { nextStage: result.spawned };
  });
