import { outboxRepository, type Tx } from '@heard/db';

/**
 * Emails and text messages. Nothing is sent inside a request: a message is
 * written to the outbox in the same transaction as the change it reports
 * (so it is sent exactly when the change is saved), and the job queue sends
 * it through a `MessageSender` and marks it sent.
 */
export type OutboundMessage = {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  template: string;
  language: 'en' | 'cy';
  payload: Record<string, unknown>;
};

/** What a provider (SMTP, GOV.UK Notify, an SMS gateway) implements. */
export type MessageSender = {
  channel: 'email' | 'sms';
  send: (message: OutboundMessage) => Promise<{ providerReference: string | null }>;
};

/**
 * The SMS sender used locally and wherever no gateway is configured: it
 * sends nothing and logs one line without the number or the text (no
 * personal data in logs), so that the same path runs as with a real provider.
 */
export function createLoggingSmsSender(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): MessageSender {
  return {
    channel: 'sms',
    send: async (message) => {
      log(`sms not sent (no gateway configured): message ${message.id}, template ${message.template}`);
      return { providerReference: null };
    },
  };
}

/** Templates whose content is a secret (codes, sign-in and come-back links): never listed to the person as "letters sent". */
export const SECRET_TEMPLATES = ['tracking_code', 'tracking_link', 'draft_link', 'advocate_link'] as const;

export type QueueValues = {
  councilId: string;
  caseId: string | null;
  channel: 'email' | 'sms';
  recipient: string;
  template: string;
  language: 'en' | 'cy';
  payload: Record<string, unknown>;
  idempotencyKey: string;
};

/** Queues a message in the caller's transaction; the same idempotency key queues it once. */
export function queueMessage(tx: Tx, values: QueueValues): Promise<boolean> {
  return outboxRepository(tx).queue(values);
}
