import { loadCase, runCommand } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZOn } from '../casework/schemas';

/** Takes a case off hold, back to where it was. */
export const resume = caseProcedure('close')
  .input(ZCaseId.extend({ on: ZOn }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'close', { forUpdate: true });
    await runCommand(ctx, record, { type: 'resume', ...(input.on ? { on: input.on } : {}) }, { detail: 'staff.case.resume' });
    return { ok: true as const };
  });
