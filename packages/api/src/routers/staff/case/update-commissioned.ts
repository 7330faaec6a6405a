import { caseworkRepository } from '@heard/db';
import { ZIsoDate, zOptionalText } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';
import { actorOf, loadCase, todayOf } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId } from '../casework/schemas';

/**
 * A complaint about a service the council commissions: the provider, whether
 * the provider's own procedure was used first, and the dates Ofsted was told
 * of the investigation and of its outcome.
 */
export const updateCommissioned = caseProcedure('triage')
  .input(
    ZCaseId.extend({
      providerName: zOptionalText({ max: 200 }),
      providerProcedureUsed: z.boolean().nullable().default(null),
      ofstedInformedOn: ZIsoDate.optional(),
      ofstedOutcomeInformedOn: ZIsoDate.optional(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'triage', { forUpdate: true });
    const today = todayOf(ctx);
    for (const field of ['ofstedInformedOn', 'ofstedOutcomeInformedOn'] as const) {
      const value = input[field];
      if (value && value > today) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { [field]: 'errors.date.inFuture' } });
      if (value && value < record.receivedOn) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { [field]: 'errors.date.beforeReceived' } });
    }
    if (input.ofstedOutcomeInformedOn && (!input.ofstedInformedOn || input.ofstedOutcomeInformedOn < input.ofstedInformedOn)) {
      throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { ofstedOutcomeInformedOn: 'casework.errors.outcomeBeforeInvestigation' } });
    }
    if (!input.providerName && (input.providerProcedureUsed !== null || input.ofstedInformedOn)) {
      throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { providerName: 'casework.errors.providerRequired' } });
    }
    const repo = caseworkRepository(ctx.tx);
    await repo.updateCommissioned(
      record.id,
      {
        providerName: input.providerName ?? null,
        providerProcedureUsed: input.providerProcedureUsed,
        ofstedInformedOn: input.ofstedInformedOn ?? null,
        ofstedOutcomeInformedOn: input.ofstedOutcomeInformedOn ?? null,
      },
      ctx.now(),
    );
    await repo.appendEvents(record.id, record.councilId, [{ type: 'commissioned_service_recorded', payload: { provider: input.providerName ?? null } }], actorOf(ctx));
    await recordAudit(ctx, { action: 'change', caseId: record.id, detail: 'staff.case.updateCommissioned' });
    return { ok: true as const };
  });
