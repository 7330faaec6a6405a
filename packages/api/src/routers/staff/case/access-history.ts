import { adminRepository, caseworkRepository } from '@heard/db';
import { AppError } from '../../../errors';
import { recordAudit, staffProcedureWith } from '../../../trpc';
import { ZCaseId } from '../casework/schemas';

/** Who read or changed a case, when, how and from where: for administrators (rules.md "Privacy"). */
export const accessHistory = staffProcedureWith('read:audit:any')
  .input(ZCaseId)
  .query(async ({ ctx, input }) => {
    const record = await caseworkRepository(ctx.tx).findById(input.caseId);
    if (!record) throw new AppError('NOT_FOUND', 'casework.errors.caseNotFound');
    const entries = await adminRepository(ctx.tx).accessHistory(record.id);
    await recordAudit(ctx, { action: 'read', caseId: record.id, detail: 'staff.case.accessHistory' });
    return { reference: record.reference, type: record.type, entries };
  });
