import { loadCase, runCommand } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZOn } from '../casework/schemas';

/** The review panel was held on this date: its findings are due within 5 working days. */
export const recordPanel = caseProcedure('panel')
  .input(ZCaseId.extend({ on: ZOn }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'panel', { forUpdate: true });
    await runCommand(ctx, record, { type: 'record_panel', ...(input.on ? { on: input.on } : {}) }, { detail: 'staff.escalation.recordPanel' });
    return { ok: true as const };
  });
