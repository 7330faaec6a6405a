import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { OutgoingMessage, SendReceipt, Transport } from './transport';
import { PermanentSendError } from './transport';

/** The Message-ID of a message: the same key always gives the same id. */
export function messageIdFor(idempotencyKey: string, domain = 'heard.invalid'): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@${domain}>`;
}

/**
 * Email by SMTP (`SMTP_URL`, e.g. `smtps://user:pass@smtp.example:465`), any
 * provider. SMTP has no idempotency of its own: the key becomes the
 * Message-ID and an `X-Heard-Key` header, so a duplicate is recognisable.
 */
export function createSmtpTransport(options: { url: string; from: string }): Transport {
  const transporter = nodemailer.createTransport(options.url);
  const domain = options.from.match(/@([^>\s]+)/)?.[1] ?? 'heard.invalid';
  return {
    name: 'smtp',
    channels: ['email'],
    async send(message: OutgoingMessage): Promise<SendReceipt> {
      try {
        const info = await transporter.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.body,
          messageId: messageIdFor(message.idempotencyKey, domain),
          headers: { 'X-Heard-Key': message.idempotencyKey, 'Content-Language': message.language === 'cy' ? 'cy' : 'en-GB' },
        });
        return { provider: 'smtp', reference: info.messageId ?? null };
      } catch (error) {
        // 5xx replies are permanent (a bad address); anything else is retried.
        const code = (error as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500) throw new PermanentSendError(`SMTP ${code}: ${(error as Error).message}`);
        throw error;
      }
    },
    close: async () => transporter.close(),
  };
}
