import { caseworkRepository } from '@heard/db';
import { ZIsoDate, ZRemedy } from '@heard/domain';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';
import { actorOf, loadCase } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId } from '../casework/schemas';

/** A remedy agreed on the case (apology, financial with its amount, service, policy review, training, other). */
export const addRemedy = caseProcedure('respond')
  .input(ZCaseId.extend({ remedy: ZRemedy, agreedOn: ZIsoDate.optional() }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'respond', { forUpdate: true });
    if (input.remedy.type === 'financial' && (input.remedy.amountPounds === null || input.remedy.amountPounds <= 0)) {
      throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { 'remedy.amountPounds': 'casework.errors.amountRequired' } });
    }
    const repo = caseworkRepository(ctx.tx);
    const [id] = await repo.insertRemedies(record.id, record.councilId, [input.remedy], input.agreedOn ?? null);
    await repo.appendEvents(record.id, record.councilId, [{ type: 'remedy_added', payload: { type: input.remedy.type, amountPounds: input.remedy.amountPounds } }], actorOf(ctx));
    await recordAudit(ctx, { action: 'change', caseId: record.id, detail: 'staff.case.addRemedy' });
    return { remedyId: id };
  });
