import { caseworkRepository } from '@heard/db';
import { normaliseReference } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';
import { isInOwnScope } from '../../../auth/case-access';
import { caseAccessFor } from '../../../permissions';
import { rolesOf } from '../casework/context';
import { staffProcedureWithAny } from '../casework/procedures';

/** A case by the reference a person typed (spaces, case and look-alike characters forgiven). */
export const find = staffProcedureWithAny(['read:case:any', 'read:case:own', 'read:audit:any'])
  .input(z.object({ reference: z.string({ error: 'errors.reference.invalid' }).trim().min(1, { error: 'errors.reference.invalid' }).max(40, { error: 'errors.reference.invalid' }) }))
  .query(async ({ ctx, input }) => {
    const normalised = normaliseReference(input.reference, { prefix: ctx.council.referencePrefix });
    const reference = normalised.ok ? normalised.reference : input.reference.toUpperCase();
    const repo = caseworkRepository(ctx.tx);
    const id = await repo.findIdByReference(reference);
    const record = id ? await repo.findById(id) : undefined;
    const access = caseAccessFor(rolesOf(ctx), 'read');
    const reachable = record && (access === 'any' || rolesOf(ctx).includes('administrator') || isInOwnScope(ctx.session.userId, ctx.session.roles, record, await repo.listAssignments(record.id)));
    if (!record || !reachable) throw new AppError('NOT_FOUND', 'casework.errors.caseNotFound', { fieldErrors: { reference: 'casework.errors.caseNotFound' } });
    await recordAudit(ctx, { action: 'read', caseId: record.id, detail: 'staff.case.find' });
    return { caseId: record.id, reference: record.reference };
  });
