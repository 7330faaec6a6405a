import type { Tx } from '../client';

/** An email or text message to send, written with the change that causes it (the job queue sends it). */
export type OutboxMessage = {
  councilId: string;
  caseId: string | null;
  channel: 'email' | 'sms';
  recipient: string;
  /** The template's key, e.g. `acknowledgement`, `tracking_code`. */
  template: string;
  language: 'en' | 'cy';
  payload: Record<string, unknown>;
  /** The same message is queued once, however often the change is retried. */
  idempotencyKey: string;
};

export type QueuedMessage = OutboxMessage & { id: string; createdAt: Date; sentAt: Date | null };

/** A message already sent or queued about a case, as the person may see it listed (no payload). */
export type CaseLetter = { id: string; template: string; channel: 'email' | 'sms'; createdAt: Date; sentAt: Date | null };

/** The durable outbox of emails and text messages. */
export function outboxRepository(tx: Tx) {
  return {
    /** Queues a message; a second call with the same idempotency key changes nothing. Returns whether it was new. */
    async queue(message: OutboxMessage): Promise<boolean> {
      const row = await tx
        .insertInto('outbox_messages')
        .values({
          council_id: message.councilId,
          case_id: message.caseId,
          channel: message.channel,
          recipient: message.recipient,
          template: message.template,
          language: message.language,
          payload: JSON.stringify(message.payload),
          idempotency_key: message.idempotencyKey,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The letters and emails about a case, oldest first, leaving out the templates given (codes and links are secrets). */
    async listForCase(caseId: string, options: { excludeTemplates: readonly string[] }): Promise<CaseLetter[]> {
      let query = tx
        .selectFrom('outbox_messages')
        .select(['id', 'template', 'channel', 'created_at', 'sent_at'])
        .where('case_id', '=', caseId);
      if (options.excludeTemplates.length > 0) query = query.where('template', 'not in', options.excludeTemplates);
      const rows = await query.orderBy('created_at').orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, template: r.template, channel: r.channel, createdAt: r.created_at, sentAt: r.sent_at }));
    },

    /** The latest messages of the council, newest first (the development mailbox). */
    async listRecent(limit: number): Promise<QueuedMessage[]> {
      const rows = await tx.selectFrom('outbox_messages').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        councilId: r.council_id,
        caseId: r.case_id,
        channel: r.channel,
        recipient: r.recipient,
        template: r.template,
        language: r.language,
        payload: r.payload,
        idempotencyKey: r.idempotency_key,
        createdAt: r.created_at,
        sentAt: r.sent_at,
      }));
    },
  };
}
