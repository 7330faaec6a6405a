import { caseworkRepository } from '@heard/db';
import { ZId, ZIsoDate } from '@heard/domain';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';
import { actorOf, loadCase, todayOf } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId } from '../casework/schemas';

/** The date a remedy was complied with (an Ombudsman's recommendation, or the council's own). */
export const setRemedyComplied = caseProcedure('respond')
  .input(ZCaseId.extend({ remedyId: ZId, compliedOn: ZIsoDate }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'respond', { forUpdate: true });
    if (input.compliedOn > todayOf(ctx)) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { compliedOn: 'errors.date.inFuture' } });
    if (input.compliedOn < record.receivedOn) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { compliedOn: 'errors.date.beforeReceived' } });
    const repo = caseworkRepository(ctx.tx);
    if (!(await repo.setRemedyComplied(record.id, input.remedyId, input.compliedOn))) throw new AppError('NOT_FOUND', 'errors.notFound');
    await repo.appendEvents(record.id, record.councilId, [{ type: 'remedy_complied', payload: { remedyId: input.remedyId, on: input.compliedOn } }], actorOf(ctx));
    await recordAudit(ctx, { action: 'change', caseId: record.id, detail: 'staff.case.setRemedyComplied' });
    return { ok: true as const };
  });
