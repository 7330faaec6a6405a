import { OMBUDSMAN_DECISIONS, zChoice } from '@heard/domain';
import { loadCase, runCommand } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZOn } from '../casework/schemas';

/** The Ombudsman's initial decision: premature, not investigated, or to be investigated. */
export const ombudsmanDecision = caseProcedure('escalate')
  .input(ZCaseId.extend({ on: ZOn, decision: zChoice(OMBUDSMAN_DECISIONS) }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'escalate', { forUpdate: true });
    await runCommand(ctx, record, { type: 'record_ombudsman_decision', decision: input.decision, ...(input.on ? { on: input.on } : {}) }, { detail: 'staff.escalation.ombudsmanDecision' });
    return { ok: true as const };
  });
