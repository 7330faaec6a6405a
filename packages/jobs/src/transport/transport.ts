/**
 * One interface for every way Heard sends a message: SMTP (any provider),
 * GOV.UK Notify, or none (the message stays in the outbox for the
 * back-office "Sent messages" page). A transport says which channels it
 * carries; the worker keeps a message whose channel has no transport.
 */
export type Channel = 'email' | 'sms';

export type OutgoingMessage = {
  channel: Channel;
  to: string;
  subject: string;
  body: string;
  language: 'en' | 'cy';
  /**
   * The message's idempotency key: given to providers that deduplicate
   * (Notify's `reference`) and, for SMTP, made into the Message-ID so that
   * a copy sent twice is recognisably the same message.
   */
  idempotencyKey: string;
};

export type SendReceipt = { provider: 'smtp' | 'notify'; reference: string | null };

export type Transport = {
  name: 'smtp' | 'notify';
  channels: readonly Channel[];
  send: (message: OutgoingMessage) => Promise<SendReceipt>;
  close: () => Promise<void>;
};

/** A refusal by the provider that retrying will not change (bad address, rejected template). */
export class PermanentSendError extends Error {
  override name = 'PermanentSendError';
}
