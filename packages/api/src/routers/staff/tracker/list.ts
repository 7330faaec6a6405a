import { trackerRepository } from '@heard/db';
import { recordAudit } from '../../../trpc';
import { trackerDates } from '../casework/context';
import { staffProcedureWithAny } from '../casework/procedures';
import { toRepositoryFilters, trackerScope, ZTrackerInput } from './filters';

/**
 * The tracker: every open case in reach with type, stage, owner, due date and
 * RAG, filtered and sorted on the server, a keyset page at a time.
 */
export const list = staffProcedureWithAny(['read:tracker:any', 'read:tracker:own'])
  .input(ZTrackerInput)
  .query(async ({ ctx, input }) => {
    const dates = await trackerDates(ctx, input.filters.dueWithinDays);
    const page = await trackerRepository(ctx.tx).list({
      filters: toRepositoryFilters(ctx, input.filters),
      sort: input.sort,
      cursor: input.cursor ?? null,
      limit: input.limit,
      scope: trackerScope(ctx, 'read:tracker:any'),
      dates,
    });
    await recordAudit(ctx, { action: 'read', detail: 'staff.tracker.list' });
    return { ...page, today: dates.today };
  });
