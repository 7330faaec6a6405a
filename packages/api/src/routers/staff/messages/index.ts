import { outboxDeliveryRepository } from '@heard/db';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { recordAudit, router, staffProcedureWith } from '../../../trpc';

const ZListMessagesInput = z.object({
  status: z.enum(['pending', 'sending', 'sent', 'held', 'failed']).optional(),
  channel: z.enum(['email', 'sms']).optional(),
  /** Keyset cursor: the last row of the previous page. */
  before: z.object({ createdAt: z.coerce.date(), id: z.string().uuid() }).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

/**
 * "Sent messages": the outbox as the back-office shows it (every email and
 * text message, sent or kept because no provider is configured), readable by
 * complaints officers and administrators. Reading them is audited: they hold
 * people's contact details and case references.
 */
export const messagesRouter = router({
  list: staffProcedureWith('read:messages:any')
    .input(ZListMessagesInput)
    .query(async ({ ctx, input }) => {
      const repo = outboxDeliveryRepository(ctx.tx);
      const [rows, counts] = await Promise.all([repo.list({ limit: input.limit + 1, before: input.before, status: input.status, channel: input.channel }), repo.countByStatus()]);
      await recordAudit(ctx, { action: 'read', detail: 'staff.messages.list' });
      const page = rows.slice(0, input.limit);
      const last = page[page.length - 1];
      return { rows: page, counts, next: rows.length > input.limit && last ? { createdAt: last.createdAt, id: last.id } : null };
    }),

  get: staffProcedureWith('read:messages:any')
    .input(z.object({ id: z.string().uuid() }))
    .query(async ({ ctx, input }) => {
      const message = await outboxDeliveryRepository(ctx.tx).find(input.id);
      if (!message) throw new AppError('NOT_FOUND', 'errors.notFound');
      await recordAudit(ctx, { action: 'read', caseId: message.caseId, detail: 'staff.messages.get' });
      return message;
    }),
});
