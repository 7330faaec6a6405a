import { caseworkRepository } from '@heard/db';
import { transitionCase, zOptionalText } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { publicProcedure, recordAudit } from '../../../trpc';
import { caseForCaller, caseStateOf } from '../lib/case-view';
import { deadlineColumns, rulesFor, todayOf } from '../lib/rules';

/** The person withdraws their case: the lifecycle decides whether it can be, and the case's record is saved as staff's would be. */
export const withdrawCase = publicProcedure
  .input(z.object({ reference: z.string().max(40).optional(), reason: zOptionalText({ max: 2000 }) }))
  .mutation(async ({ ctx, input }) => {
    const caseId = await caseForCaller(ctx, input.reference);
    const record = await caseStateOf(ctx, caseId, { forUpdate: true });
    const rules = await rulesFor(ctx, record.state.policyDate);
    const result = transitionCase(record.state, { type: 'withdraw', ...(input.reason ? { reason: input.reason } : {}) }, todayOf(ctx), rules);
    if (!result.ok) throw new AppError('REFUSED', result.refusal.key, { params: result.refusal.params });
    await caseworkRepository(ctx.tx).saveTransition(record, result.state, result.events, {
      actorUserId: ctx.session?.kind === 'advocate' ? ctx.session.userId : null,
      actorLabel: ctx.session?.kind ?? 'public',
      deadlines: deadlineColumns(result.state, rules),
      now: ctx.now(),
    });
    await recordAudit(ctx, { action: 'change', caseId, detail: 'public.track.withdraw' });
    return { status: result.state.status };
  });
