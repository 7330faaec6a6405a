import { caseworkLogsRepository } from '@heard/db';
import { ZId, zText } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { router, staffProcedureWith } from '../../../trpc';
import { ZTrackerFilters } from './filters';

/** Each person's saved tracker views (their own: row-level security keeps them so). */
export const viewsRouter = router({
  list: staffProcedureWith('manage:view:own').query(({ ctx }) => caseworkLogsRepository(ctx.tx).listSavedViews(ctx.session.userId)),
  save: staffProcedureWith('manage:view:own')
    .input(z.object({ name: zText({ max: 80 }), filters: ZTrackerFilters }))
    .mutation(async ({ ctx, input }) => ({ viewId: await caseworkLogsRepository(ctx.tx).saveView(ctx.council.id, ctx.session.userId, input) })),
  delete: staffProcedureWith('manage:view:own')
    .input(z.object({ viewId: ZId }))
    .mutation(async ({ ctx, input }) => {
      if (!(await caseworkLogsRepository(ctx.tx).deleteView(ctx.session.userId, input.viewId))) throw new AppError('NOT_FOUND', 'errors.notFound');
      return { ok: true as const };
    }),
});
