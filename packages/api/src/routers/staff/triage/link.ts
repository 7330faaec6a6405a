import { caseworkRepository } from '@heard/db';
import { normaliseReference, zChoice } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';
import { actorOf, loadCase } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId } from '../casework/schemas';

/** Links the case to an existing one: related, the same person, or a duplicate. */
export const link = caseProcedure('triage')
  .input(
    ZCaseId.extend({
      reference: z.string({ error: 'errors.reference.invalid' }).trim().min(1, { error: 'errors.reference.invalid' }).max(40, { error: 'errors.reference.invalid' }),
      kind: zChoice(['related', 'same_person', 'duplicate']),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'triage', { forUpdate: true });
    const normalised = normaliseReference(input.reference, { prefix: ctx.council.referencePrefix });
    const repo = caseworkRepository(ctx.tx);
    const linkedId = await repo.findIdByReference(normalised.ok ? normalised.reference : input.reference.toUpperCase());
    if (!linkedId) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { reference: 'casework.errors.caseNotFound' } });
    if (linkedId === record.id) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { reference: 'casework.errors.linkSelf' } });
    await repo.addLink(record.id, record.councilId, linkedId, input.kind);
    await repo.appendEvents(record.id, record.councilId, [{ type: 'linked', payload: { caseId: linkedId, kind: input.kind } }], actorOf(ctx));
    await recordAudit(ctx, { action: 'change', caseId: record.id, detail: 'staff.triage.link' });
    return { ok: true as const };
  });
