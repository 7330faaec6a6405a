import { caseworkRepository } from '@heard/db';
import { ZId } from '@heard/domain';
import { AppError } from '../../../errors';
import { loadCase, runCommand, type StaffContext } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZOn } from '../casework/schemas';

export async function requireOfficer(ctx: StaffContext, officerId: string, field = 'officerId') {
  const officer = (await caseworkRepository(ctx.tx).listAssignableStaff()).find((s) => s.id === officerId);
  if (!officer) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { [field]: 'casework.errors.officerUnknown' } });
  return officer;
}

/** Assigns (or reassigns) the officer who owns the case: it is then in progress. */
export const assign = caseProcedure('assign')
  .input(ZCaseId.extend({ officerId: ZId, on: ZOn }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'assign', { forUpdate: true });
    await requireOfficer(ctx, input.officerId);
    await runCommand(ctx, record, { type: 'assign', officerId: input.officerId, ...(input.on ? { on: input.on } : {}) }, { detail: 'staff.triage.assign' });
    return { ok: true as const };
  });
