import { trackerRepository } from '@heard/db';
import { z } from 'zod';
import { recordAudit, staffProcedureWith } from '../../../trpc';
import { trackerDates } from '../casework/context';

/** New items from the portal and staff entry, oldest first, waiting to be classified and acknowledged. */
export const queue = staffProcedureWith('triage:case:any')
  .input(z.object({ cursor: z.string().max(200).nullish() }).default({}))
  .query(async ({ ctx, input }) => {
    const dates = await trackerDates(ctx);
    const page = await trackerRepository(ctx.tx).triageQueue({ cursor: input.cursor ?? null, limit: 50, dates });
    await recordAudit(ctx, { action: 'read', detail: 'staff.triage.queue' });
    return page;
  });
