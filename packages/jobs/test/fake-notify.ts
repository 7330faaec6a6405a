import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type NotifyRequest = {
  kind: 'email' | 'sms';
  templateId: string;
  to: string;
  personalisation: Record<string, string>;
  reference: string | null;
  id: string;
};

/** The answer to give a request instead of accepting it: Notify's error shape and status. */
export type NotifyFailure = { status: 400 | 403 | 429 | 500; error: string; message: string };

/**
 * A small stand-in for the GOV.UK Notify API on 127.0.0.1 (a free port),
 * speaking the two endpoints Heard uses, `POST /v2/notifications/email` and
 * `POST /v2/notifications/sms`, as Notify documents them: the bearer token
 * must be a JWT signed (HS256) with the API key's secret and issued by its
 * service id, or the answer is Notify's 403. Accepted messages are kept for
 * the test to read; `failWith` makes chosen recipients fail.
 */
export async function startFakeNotify(options: { serviceId: string; secret: string }) {
  const accepted: NotifyRequest[] = [];
  const refused: Array<{ to: string; status: number }> = [];
  const failures = new Map<string, NotifyFailure>();
  const waiters: Array<{ count: number; resolve: () => void }> = [];

  function authorised(request: IncomingMessage): boolean {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const [header, claims, signature] = token?.split('.') ?? [];
    if (!header || !claims || !signature) return false;
    const expected = createHmac('sha256', options.secret).update(`${header}.${claims}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
    const parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string };
    const parsedClaims = JSON.parse(Buffer.from(claims, 'base64url').toString()) as { iss?: string; iat?: number };
    return parsedHeader.alg === 'HS256' && parsedClaims.iss === options.serviceId && typeof parsedClaims.iat === 'number';
  }

  function answer(response: ServerResponse, status: number, body: unknown) {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const kind = request.url === '/v2/notifications/email' ? 'email' : request.url === '/v2/notifications/sms' ? 'sms' : null;
      if (request.method !== 'POST' || !kind)
        return answer(response, 404, { status_code: 404, errors: [{ error: 'NotFound', message: 'Not found' }] });
      if (!authorised(request)) {
        return answer(response, 403, {
          status_code: 403,
          errors: [{ error: 'AuthError', message: 'Invalid token: signature, api token not found' }],
        });
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const to = String(kind === 'email' ? body.email_address : body.phone_number);
      const failure = failures.get(to);
      if (failure) {
        refused.push({ to, status: failure.status });
        return answer(response, failure.status, {
          status_code: failure.status,
          errors: [{ error: failure.error, message: failure.message }],
        });
      }
      const id = randomUUID();
      const personalisation = (body.personalisation ?? {}) as Record<string, string>;
      accepted.push({
        kind,
        templateId: String(body.template_id),
        to,
        personalisation,
        reference: (body.reference as string | undefined) ?? null,
        id,
      });
      for (const waiter of waiters.filter((w) => accepted.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      answer(response, 201, {
        id,
        reference: body.reference ?? null,
        content:
          kind === 'email'
            ? { subject: personalisation.subject, body: personalisation.body, from_email: 'heard@notifications.service.gov.uk' }
            : { body: personalisation.body, from_number: 'GOVUK' },
        uri: `http://127.0.0.1/v2/notifications/${id}`,
        template: {
          id: body.template_id,
          version: 1,
          uri: `http://127.0.0.1/services/${options.serviceId}/templates/${String(body.template_id)}`,
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    refused,
    failWith: (to: string, failure: NotifyFailure) => failures.set(to, failure),
    waitFor: (count: number) =>
      accepted.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
