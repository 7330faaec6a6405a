import { loadCase, runCommand } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZOn } from '../casework/schemas';

/** The panel's findings were issued on this date: the response is due within 15 working days. */
export const recordPanelFindings = caseProcedure('panel')
  .input(ZCaseId.extend({ on: ZOn }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'panel', { forUpdate: true });
    await runCommand(ctx, record, { type: 'record_panel_findings', ...(input.on ? { on: input.on } : {}) }, { detail: 'staff.escalation.recordPanelFindings' });
    return { ok: true as const };
  });
