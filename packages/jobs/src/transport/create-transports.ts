import type { JobsEnv } from '../env';
import { createNotifyTransport } from './notify';
import { createSmtpTransport } from './smtp';
import type { Channel, Transport } from './transport';

/** The transport for each channel: Notify when configured, else SMTP for email, else none (the outbox keeps it). */
export type Transports = Partial<Record<Channel, Transport>>;

export function createTransports(env: JobsEnv): Transports {
  const transports: Transports = {};
  if (env.NOTIFY_API_KEY && env.NOTIFY_EMAIL_TEMPLATE_ID) {
    const notify = createNotifyTransport({
      apiKey: env.NOTIFY_API_KEY,
      emailTemplateId: env.NOTIFY_EMAIL_TEMPLATE_ID,
      smsTemplateId: env.NOTIFY_SMS_TEMPLATE_ID,
      baseUrl: env.NOTIFY_BASE_URL,
    });
    for (const channel of notify.channels) transports[channel] = notify;
  }
  if (!transports.email && env.SMTP_URL) transports.email = createSmtpTransport({ url: env.SMTP_URL, from: env.HEARD_MAIL_FROM });
  return transports;
}

export async function closeTransports(transports: Transports): Promise<void> {
  const unique = new Set(Object.values(transports));
  for (const transport of unique) await transport.close();
}
