import { zText } from '@heard/domain';
import { loadCase, runCommand } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZOn } from '../casework/schemas';

/** Puts an open case on hold, with why. */
export const hold = caseProcedure('close')
  .input(ZCaseId.extend({ on: ZOn, reason: zText({ max: 2000, required: 'errors.reason.required' }) }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'close', { forUpdate: true });
    await runCommand(ctx, record, { type: 'put_on_hold', reason: input.reason, ...(input.on ? { on: input.on } : {}) }, { detail: 'staff.case.hold' });
    return { ok: true as const };
  });
