import { zOptionalText } from '@heard/domain';
import { caseworkRepository } from '@heard/db';
import { loadCase, runCommand } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZOn } from '../casework/schemas';

/** The complainant went to the Ombudsman (from any stage): the LGSCO's enquiry opens as its own case. */
export const referToOmbudsman = caseProcedure('escalate')
  .input(ZCaseId.extend({ on: ZOn, ombudsmanReference: zOptionalText({ max: 40 }) }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'escalate', { forUpdate: true });
    const result = await runCommand(ctx, record, { type: 'refer_to_ombudsman', ...(input.on ? { on: input.on } : {}) }, { detail: 'staff.escalation.referToOmbudsman' });
    if (result.spawned && input.ombudsmanReference) {
      await caseworkRepository(ctx.tx).saveDetails(result.spawned.id, { extras: { ombudsmanReference: input.ombudsmanReference }, now: ctx.now() });
    }
    return { ombudsmanCase: result.spawned };
  });
