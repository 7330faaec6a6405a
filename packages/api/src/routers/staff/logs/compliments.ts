import { trackerRepository } from '@heard/db';
import { z } from 'zod';
import { recordAudit, staffProcedureWith } from '../../../trpc';
import { trackerDates } from '../casework/context';

/** The compliments log, newest first. */
export const compliments = staffProcedureWith('read:logs:any')
  .input(z.object({ cursor: z.string().max(200).nullish() }).default({}))
  .query(async ({ ctx, input }) => {
    const dates = await trackerDates(ctx);
    const page = await trackerRepository(ctx.tx).log({ types: ['compliment'], cursor: input.cursor ?? null, limit: 50, dates });
    await recordAudit(ctx, { action: 'read', detail: 'staff.logs.compliments' });
    return page;
  });
