import { caseworkRepository } from '@heard/db';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';
import { actorOf, loadCase } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId } from '../casework/schemas';

/** Whether a compliment may be shared (with the team, in reports, publicly). */
export const setMayShare = caseProcedure('triage')
  .input(ZCaseId.extend({ mayShare: z.boolean({ error: 'errors.choice.required' }) }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'triage', { forUpdate: true });
    if (record.type !== 'compliment') throw new AppError('REFUSED', 'refusal.notForType');
    const repo = caseworkRepository(ctx.tx);
    await repo.updateMayShare(record.id, input.mayShare, ctx.now());
    await repo.appendEvents(record.id, record.councilId, [{ type: 'compliment_sharing_set', payload: { mayShare: input.mayShare } }], actorOf(ctx));
    await recordAudit(ctx, { action: 'change', caseId: record.id, detail: 'staff.case.setMayShare' });
    return { ok: true as const };
  });
