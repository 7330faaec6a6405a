import { loadCase, runCommand } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZOn } from '../casework/schemas';

/** The date the written statement of complaint was agreed (statutory Stage 2: its 25 working days run from it). */
export const agreeStatement = caseProcedure('statement')
  .input(ZCaseId.extend({ on: ZOn }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'statement', { forUpdate: true });
    await runCommand(ctx, record, { type: 'agree_statement', ...(input.on ? { on: input.on } : {}) }, { detail: 'staff.escalation.agreeStatement' });
    return { ok: true as const };
  });
