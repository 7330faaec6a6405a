import { NotifyClient } from 'notifications-node-client';
import type { OutgoingMessage, SendReceipt, Transport } from './transport';
import { PermanentSendError } from './transport';

/**
 * GOV.UK Notify. Notify sends from templates made in its dashboard: make one
 * email template whose subject is `((subject))` and body `((body))`, and one
 * text message template `((body))`; Heard renders the words (English or
 * Welsh) and passes them as personalisation. The message's idempotency key
 * goes as Notify's `reference`, so a message can be traced (and a duplicate
 * recognised) at Notify.
 */
export function createNotifyTransport(options: {
  apiKey: string;
  emailTemplateId: string;
  smsTemplateId?: string | undefined;
  /** Another Notify API (tests: a local fake); default the live service. */
  baseUrl?: string | undefined;
}): Transport {
  const client = options.baseUrl ? new NotifyClient(options.baseUrl, options.apiKey) : new NotifyClient(options.apiKey);
  const smsTemplateId = options.smsTemplateId;
  return {
    name: 'notify',
    channels: smsTemplateId ? ['email', 'sms'] : ['email'],
    async send(message: OutgoingMessage): Promise<SendReceipt> {
      try {
        const response =
          message.channel === 'email'
            ? await client.sendEmail(options.emailTemplateId, message.to, {
                personalisation: { subject: message.subject, body: message.body },
                reference: message.idempotencyKey,
              })
            : await client.sendSms(smsTemplateId!, message.to, { personalisation: { body: message.body }, reference: message.idempotencyKey });
        return { provider: 'notify', reference: (response.data as { id?: string }).id ?? null };
      } catch (error) {
        // Notify answers 400 for a bad address or template and 403 for a bad key: retrying will not help.
        const status = (error as { response?: { status?: number } }).response?.status;
        if (status === 400 || status === 403) throw new PermanentSendError(`Notify ${status}: ${describeNotifyError(error)}`);
        throw error;
      }
    },
    close: async () => undefined,
  };
}

function describeNotifyError(error: unknown): string {
  const data = (error as { response?: { data?: { errors?: Array<{ message?: string }> } } }).response?.data;
  return data?.errors?.map((e) => e.message).join('; ') || (error as Error).message;
}
