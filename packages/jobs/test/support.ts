import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { to: string; subject: string; text: string; messageId: string; key: string; language: string; parsed: ParsedMail };

/**
 * A real SMTP server on 127.0.0.1 (a free port) that keeps what it
 * receives: the tests send through nodemailer to it, as to any provider.
 */
export async function startSmtpServer(options: { afterAccept?: (count: number) => void } = {}): Promise<{
  url: string;
  received: ReceivedMail[];
  waitFor: (count: number) => Promise<void>;
  waitForKeys: (count: number) => Promise<void>;
  close: () => Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const keyWaiters: Array<{ count: number; resolve: () => void }> = [];
  const uniqueKeys = () => new Set(received.map((m) => m.key)).size;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
          received.push({
            to,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            messageId: parsed.messageId ?? '',
            key: String(parsed.headers.get('x-heard-key') ?? ''),
            language: String(parsed.headers.get('content-language') ?? ''),
            parsed,
          });
          for (const waiter of waiters.filter((w) => received.length >= w.count)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve();
          }
          for (const waiter of keyWaiters.filter((w) => uniqueKeys() >= w.count)) {
            keyWaiters.splice(keyWaiters.indexOf(waiter), 1);
            waiter.resolve();
          }
          callback();
          options.afterAccept?.(received.length);
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor: (count) => (received.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve }))),
    waitForKeys: (count) => (uniqueKeys() >= count ? Promise.resolve() : new Promise<void>((resolve) => keyWaiters.push({ count, resolve }))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Settings for a worker in a test: no provider unless given, fast polling. */
export function testEnv(overrides: Record<string, string> = {}) {
  return { HEARD_WORKER_POLL_SECONDS: '0.1', ...overrides };
}
