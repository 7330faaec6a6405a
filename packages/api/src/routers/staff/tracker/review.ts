import { trackerRepository } from '@heard/db';
import { recordAudit, staffProcedureWith } from '../../../trpc';
import { trackerDates } from '../casework/context';
import { trackerScope } from './filters';

/** The directorate management team's weekly review: open cases by division and RAG state, and the oldest overdue. */
export const review = staffProcedureWith('read:review:any').query(async ({ ctx }) => {
  const dates = await trackerDates(ctx);
  const result = await trackerRepository(ctx.tx).review({ scope: trackerScope(ctx, 'read:review:any'), dates, oldest: 10 });
  await recordAudit(ctx, { action: 'read', detail: 'staff.tracker.review' });
  return { ...result, today: dates.today };
});
