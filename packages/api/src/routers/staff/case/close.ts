import { loadCase, runCommand } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZOn } from '../casework/schemas';

/** Closes a case after its response (a compliment needs none). */
export const close = caseProcedure('close')
  .input(ZCaseId.extend({ on: ZOn }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'close', { forUpdate: true });
    await runCommand(ctx, record, { type: 'close', ...(input.on ? { on: input.on } : {}) }, { detail: 'staff.case.close' });
    return { ok: true as const };
  });
