import { z } from 'zod';
import { publicProcedure, recordAudit } from '../../../trpc';
import { caseForCaller, viewCase } from '../lib/case-view';

/**
 * The case page: status, stage, the due date with its explanation in plain
 * words, the letters and emails sent, what the person added, and the actions
 * open to them. A citizen sees their own case (after a code or a link); an
 * advocate, the cases they act on. Every view is audited.
 */
export const viewTrackedCase = publicProcedure.input(z.object({ reference: z.string().max(40).optional() }).default({})).query(async ({ ctx, input }) => {
  const caseId = await caseForCaller(ctx, input.reference);
  const view = await viewCase(ctx, caseId);
  await recordAudit(ctx, { action: 'read', caseId, detail: 'public.track.view' });
  return view;
});
