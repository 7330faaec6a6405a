import { sql } from 'kysely';
import type { Tx } from '../client';
import type { OutboxProvider, OutboxStatus } from '../schema/jobs-tables';

/** A message claimed by a worker for sending, with what it needs to render it. */
export type ClaimedMessage = {
  id: string;
  councilId: string;
  caseId: string | null;
  channel: 'email' | 'sms';
  recipient: string;
  template: string;
  language: 'en' | 'cy';
  payload: Record<string, unknown>;
  idempotencyKey: string;
  attempts: number;
  /** True when a worker that had claimed it died while handing it to the provider: it may already have gone once. */
  takenOver: boolean;
};

export type MessageCaseFacts = { reference: string; type: string; receivedOn: string; dueOn: string | null; respondedOn: string | null };

/** A message as the back-office "Sent messages" page lists it. */
export type OutboxListItem = {
  id: string;
  caseId: string | null;
  reference: string | null;
  channel: 'email' | 'sms';
  recipient: string;
  template: string;
  language: 'en' | 'cy';
  status: OutboxStatus;
  subject: string | null;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  resends: number;
  provider: OutboxProvider | null;
  /** When the message was last handed to the provider (a message `sending` with this set is with the provider). */
  handedAt: Date | null;
};

export type OutboxMessageDetail = OutboxListItem & {
  body: string | null;
  lastError: string | null;
  idempotencyKey: string;
  providerReference: string | null;
  /** When a queued message is next tried (after a failed attempt, later than it was queued). */
  nextAttemptAt: Date;
};


/**
 * Delivery of the outbox (`outbox_messages`): claims, results, and the
 * back-office listing. Bound to a transaction of one council.
 */
export function outboxDeliveryRepository(tx: Tx) {
  return {
    /**
     * Claims up to `limit` messages due now for `workerId`: pending ones, and
     * those claimed by a worker that is gone (its liveness lock is free).
     * Committing the claim before sending is what lets a crash lose nothing.
     */
    async claim(workerId: string, limit: number): Promise<ClaimedMessage[]> {
      const result = await sql<{
        id: string;
        council_id: string;
        case_id: string | null;
        channel: 'email' | 'sms';
        recipient: string;
        template: string;
        language: 'en' | 'cy';
        payload: Record<string, unknown>;
        idempotency_key: string;
        attempts: number;
        taken_over: boolean;
      }>`
        with due as (
          select id, status = 'sending' and handed_at is not null as taken_over from outbox_messages
          where (status = 'pending' and next_attempt_at <= now())
             or (status = 'sending' and claimed_by is distinct from ${workerId}
                 and pg_try_advisory_xact_lock(hashtextextended('heard-worker:' || claimed_by, 0)))
          order by created_at, id
          limit ${limit}
          for update skip locked
        )
        update outbox_messages m
        set status = 'sending', claimed_by = ${workerId}, claimed_at = now(), attempts = m.attempts + 1, handed_at = null,
            resends = m.resends + case when due.taken_over then 1 else 0 end
        from due where m.id = due.id
        returning m.id, m.council_id, m.case_id, m.channel, m.recipient, m.template, m.language, m.payload,
                  m.idempotency_key, m.attempts, due.taken_over`.execute(tx);
      return result.rows.map((r) => ({
        id: r.id,
        councilId: r.council_id,
        caseId: r.case_id,
        channel: r.channel,
        recipient: r.recipient,
        template: r.template,
        language: r.language,
        payload: r.payload,
        idempotencyKey: r.idempotency_key,
        attempts: r.attempts,
        takenOver: r.taken_over,
      }));
    },

    /** Whether anything is waiting to be sent (cheap: a partial index). */
    async hasDue(): Promise<boolean> {
      const row = await tx
        .selectFrom('outbox_messages')
        .select(sql<number>`1`.as('one'))
        .where('status', 'in', ['pending', 'sending'])
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async findCaseFacts(caseId: string): Promise<MessageCaseFacts | undefined> {
      const row = await tx
        .selectFrom('cases')
        .select(['reference', 'type', 'received_on', 'due_on', 'responded_on'])
        .where('id', '=', caseId)
        .executeTakeFirst();
      return row ? { reference: row.reference, type: row.type, receivedOn: row.received_on, dueOn: row.due_on, respondedOn: row.responded_on } : undefined;
    },

    /** Recorded (committed) just before the message goes to the provider. */
    async markHanded(id: string, workerId: string): Promise<void> {
      await tx.updateTable('outbox_messages').set({ handed_at: sql<Date>`now()` }).where('id', '=', id).where('claimed_by', '=', workerId).execute();
    },

    async markSent(id: string, workerId: string, result: { provider: OutboxProvider; reference: string | null; subject: string; body: string }): Promise<void> {
      await tx
        .updateTable('outbox_messages')
        .set({
          status: result.provider === 'outbox' ? 'held' : 'sent',
          sent_at: result.provider === 'outbox' ? null : sql<Date>`now()`,
          provider: result.provider,
          provider_reference: result.reference,
          subject: result.subject,
          body: result.body,
          claimed_by: null,
          last_error: null,
        })
        .where('id', '=', id)
        .where('claimed_by', '=', workerId)
        .execute();
    },

    /** A failed attempt: tried again after `retryInSeconds`, or given up (`null`). */
    async markFailed(id: string, workerId: string, error: string, retryInSeconds: number | null, rendered?: { subject: string; body: string }): Promise<void> {
      await tx
        .updateTable('outbox_messages')
        .set({
          status: retryInSeconds === null ? 'failed' : 'pending',
          next_attempt_at: sql<Date>`now() + make_interval(secs => ${retryInSeconds ?? 0})`,
          last_error: error.slice(0, 1000),
          claimed_by: null,
          ...(rendered ? { subject: rendered.subject, body: rendered.body } : {}),
        })
        .where('id', '=', id)
        .where('claimed_by', '=', workerId)
        .execute();
    },

    /** Sends a held or failed message again (an administrator's decision). */
    async requeue(id: string): Promise<boolean> {
      const result = await tx
        .updateTable('outbox_messages')
        .set({ status: 'pending', next_attempt_at: sql<Date>`now()`, last_error: null })
        .where('id', '=', id)
        .where('status', 'in', ['held', 'failed'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Newest first, keyset by (created_at, id). */
    async list(options: {
      limit: number;
      before?: { createdAt: Date; id: string } | undefined;
      status?: OutboxStatus | undefined;
      channel?: 'email' | 'sms' | undefined;
    }): Promise<OutboxListItem[]> {
      let query = tx
        .selectFrom('outbox_messages as m')
        .leftJoin('cases as c', 'c.id', 'm.case_id')
        .select([
          'm.id', 'm.case_id', 'c.reference', 'm.channel', 'm.recipient', 'm.template', 'm.language', 'm.status', 'm.subject',
          'm.created_at', 'm.sent_at', 'm.attempts', 'm.resends', 'm.provider', 'm.handed_at',
        ])
        .orderBy('m.created_at', 'desc')
        .orderBy('m.id', 'desc')
        .limit(options.limit);
      if (options.status) query = query.where('m.status', '=', options.status);
      if (options.channel) query = query.where('m.channel', '=', options.channel);
      if (options.before) {
        const before = options.before;
        query = query.where((eb) => eb(eb.refTuple('m.created_at', 'm.id'), '<', eb.tuple(before.createdAt, before.id)));
      }
      const rows = await query.execute();
      return rows.map(toListItem);
    },

    async find(id: string): Promise<OutboxMessageDetail | undefined> {
      const row = await tx
        .selectFrom('outbox_messages as m')
        .leftJoin('cases as c', 'c.id', 'm.case_id')
        .select([
          'm.id', 'm.case_id', 'c.reference', 'm.channel', 'm.recipient', 'm.template', 'm.language', 'm.status', 'm.subject',
          'm.created_at', 'm.sent_at', 'm.attempts', 'm.resends', 'm.provider', 'm.handed_at', 'm.body', 'm.last_error', 'm.idempotency_key',
          'm.provider_reference', 'm.next_attempt_at',
        ])
        .where('m.id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        ...toListItem(row),
        body: row.body,
        lastError: row.last_error,
        idempotencyKey: row.idempotency_key,
        providerReference: row.provider_reference,
        nextAttemptAt: row.next_attempt_at,
      };
    },

    /** Counts by status, for the page's summary. */
    async countByStatus(): Promise<Record<OutboxStatus, number>> {
      const rows = await tx.selectFrom('outbox_messages').select(['status', sql<number>`count(*)::int`.as('n')]).groupBy('status').execute();
      const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, held: 0, failed: 0 };
      for (const row of rows) counts[row.status] = row.n;
      return counts;
    },
  };
}

function toListItem(row: {
  id: string;
  case_id: string | null;
  reference: string | null;
  channel: 'email' | 'sms';
  recipient: string;
  template: string;
  language: 'en' | 'cy';
  status: OutboxStatus;
  subject: string | null;
  created_at: Date;
  sent_at: Date | null;
  attempts: number;
  resends: number;
  provider: OutboxProvider | null;
  handed_at: Date | null;
}): OutboxListItem {
  return {
    id: row.id,
    caseId: row.case_id,
    reference: row.reference,
    channel: row.channel,
    recipient: row.recipient,
    template: row.template,
    language: row.language,
    status: row.status,
    subject: row.subject,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    attempts: row.attempts,
    resends: row.resends,
    provider: row.provider,
    handedAt: row.handed_at,
  };
}
