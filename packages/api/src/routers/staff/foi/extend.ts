import { ZIsoDate, zText } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { loadCase, runCommand } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId } from '../casework/schemas';

/**
 * A public interest test needs more time: up to 20 more working days (the
 * FOI policy's extended limit; the domain refuses more, or an extension
 * agreed after the deadline).
 */
export const extend = caseProcedure('foi')
  .input(
    ZCaseId.extend({
      limit: z.number({ error: 'errors.number.wholeNumber' }).int({ error: 'errors.number.wholeNumber' }).min(21, { error: 'errors.number.tooSmall' }).max(365, { error: 'errors.number.tooBig' }).optional(),
      agreedOn: ZIsoDate,
      reason: zText({ max: 2000, required: 'errors.reason.required' }),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'foi', { forUpdate: true });
    if (record.type !== 'foi_request') throw new AppError('REFUSED', 'refusal.onlyFoiRequest');
    await runCommand(ctx, record, { type: 'extend', agreedOn: input.agreedOn, reason: input.reason, ...(input.limit ? { limit: input.limit } : {}) }, { detail: 'staff.foi.extend' });
    return { ok: true as const };
  });
