import { ZId } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { loadCase, runCommand } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { requireOfficer } from './assign';

/**
 * Assigns several cases to one officer at once. All or nothing: if the
 * lifecycle refuses one case, the reply names it and no case is assigned.
 */
export const bulkAssign = caseProcedure('assign')
  .input(
    z.object({
      caseIds: z.array(ZId).min(1, { error: 'casework.errors.selectCases' }).max(100, { error: 'errors.list.tooLong' }),
      officerId: ZId,
    }),
  )
  .mutation(async ({ ctx, input }) => {
    await requireOfficer(ctx, input.officerId);
    for (const caseId of [...new Set(input.caseIds)]) {
      const record = await loadCase(ctx, caseId, 'assign', { forUpdate: true });
      try {
        await runCommand(ctx, record, { type: 'assign', officerId: input.officerId }, { detail: 'staff.triage.bulkAssign' });
      } catch (error) {
        const refusal = error as AppError;
        throw new AppError('REFUSED', 'casework.errors.bulkAssignRefused', { params: { reference: record.reference, reason: refusal.messageKey ?? '' } });
      }
    }
    return { assigned: new Set(input.caseIds).size };
  });
