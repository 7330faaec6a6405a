import { trackerRepository } from '@heard/db';
import { z } from 'zod';
import { recordAudit, staffProcedureWith } from '../../../trpc';
import { trackerDates } from '../casework/context';

/** Member, MP, Mayor, Chief Executive and general enquiries, newest first, with their 10 working day deadline. */
export const enquiries = staffProcedureWith('read:logs:any')
  .input(z.object({ cursor: z.string().max(200).nullish() }).default({}))
  .query(async ({ ctx, input }) => {
    const dates = await trackerDates(ctx);
    const page = await trackerRepository(ctx.tx).log({
      types: ['member_enquiry', 'mp_enquiry', 'mayor_enquiry', 'chief_executive_enquiry', 'general_enquiry'],
      cursor: input.cursor ?? null,
      limit: 50,
      dates,
    });
    await recordAudit(ctx, { action: 'read', detail: 'staff.logs.enquiries' });
    return page;
  });
