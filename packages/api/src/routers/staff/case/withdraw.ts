import { zOptionalText } from '@heard/domain';
import { loadCase, runCommand } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZOn } from '../casework/schemas';

/** The person withdrew the case. */
export const withdraw = caseProcedure('close')
  .input(ZCaseId.extend({ on: ZOn, reason: zOptionalText({ max: 2000 }) }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'close', { forUpdate: true });
    await runCommand(ctx, record, { type: 'withdraw', ...(input.on ? { on: input.on } : {}), ...(input.reason ? { reason: input.reason } : {}) }, { detail: 'staff.case.withdraw' });
    return { ok: true as const };
  });
