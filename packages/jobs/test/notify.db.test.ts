import { randomUUID } from 'node:crypto';
import { createApi, type ApiCaller } from '@heard/api/server';
import { createCouncil, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifyTransport, createTransports, PermanentSendError, readJobsEnv, startWorker, type RunningWorker } from '../src/index';
import { startFakeNotify } from './fake-notify';
import { testEnv } from './support';

/**
 * Sending through GOV.UK Notify (notifications-node-client pointed at a
 * stand-in Notify API on 127.0.0.1 that checks the signed token as Notify
 * does): the acknowledgement by Notify's email endpoint with the message key
 * as Notify's reference; a one-time code by text message whose code then
 * opens the case; refusals Notify gives (a bad address, a bad key) fail at
 * once with Notify's reason, and an outage is tried again later.
 */
let database: TestDatabase;
let api: ReturnType<typeof createApi>;
let notify: Awaited<ReturnType<typeof startFakeNotify>>;
let worker: RunningWorker;
let workerStopped = false;
const HOST = 'portal.notifyshire.example';
const serviceId = randomUUID();
const secret = randomUUID();
const EMAIL_TEMPLATE = randomUUID();
const SMS_TEMPLATE = randomUUID();
const notifyEnv = () => ({
  NOTIFY_API_KEY: `heard_test-${serviceId}-${secret}`,
  NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE,
  NOTIFY_BASE_URL: notify.url,
});

beforeAll(async () => {
  database = await createTestDatabase();
  await createCouncil(database, { slug: 'notifyshire', name: 'Notifyshire Council', hostnames: [HOST], referencePrefix: 'CYP' });
  api = createApi({ database, now: () => new Date() });
  notify = await startFakeNotify({ serviceId, secret });
  worker = await startWorker({
    database,
    env: readJobsEnv(testEnv({ ...notifyEnv(), NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE })),
    catchUp: false,
  });
});
afterAll(async () => {
  if (!workerStopped) await worker?.stop();
  await notify?.close();
  await database?.destroy();
});

function caller(): Promise<ApiCaller> {
  return api.getCaller(new Request(`https://${HOST}/`), { ip: '192.0.2.30', language: 'en' });
}

async function submit(email: string, phone?: string) {
  return (await caller()).public.complaint.submit({
    journey: 'complaint',
    idempotencyKey: `notify-${email.replace(/\W/g, '-')}-0000000000`,
    role: 'parent',
    contact: { fullName: 'Pat Notify', email, ...(phone ? { phone } : {}), contactPreference: 'email', language: 'en' },
    child: { situation: 'none' },
    serviceArea: 'send',
    whatHappened: 'The annual review was late.',
    desiredOutcome: 'A date for the review.',
    courtOrTribunalProceedings: 'no',
  });
}

async function outboxRow(recipient: string, template: string) {
  return database.db
    .selectFrom('outbox_messages')
    .select(['id', 'status', 'attempts', 'last_error', 'provider', 'provider_reference', 'idempotency_key', 'next_attempt_at', 'case_id'])
    .where('recipient', '=', recipient)
    .where('template', '=', template)
    .executeTakeFirstOrThrow();
}

describe('GOV.UK Notify', () => {
  it('sends the acknowledgement by its email endpoint: our words as personalisation, the message key as its reference', async () => {
    const confirmation = await submit('pat@example.com', '07700 900982');
    worker.kick();
    await notify.waitFor(1);
    await worker.drain();
    const sent = notify.accepted.find((m) => m.to === 'pat@example.com')!;
    expect(sent).toMatchObject({ kind: 'email', templateId: EMAIL_TEMPLATE });
    expect(sent.personalisation.subject).toBe(`We have received your complaint: ${confirmation.reference}`);
    expect(sent.personalisation.body).toContain(`Your reference is ${confirmation.reference}.`);
    const row = await outboxRow('pat@example.com', 'acknowledgement');
    expect(sent.reference).toBe(`acknowledgement:${row.case_id}`);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, provider: 'notify', provider_reference: sent.id, last_error: null });
  });

  it('sends a one-time code by text message, and the code in the text opens the case', async () => {
    const confirmation = await submit('sam@example.com', '+44 7700 900123');
    await worker.drain();
    const before = notify.accepted.length;
    // Asked for by mobile number only (written another way), so the code goes by text.
    expect(await (await caller()).public.track.requestCode({ reference: confirmation.reference, phone: '07700 900 123' })).toEqual({
      sent: true,
    });
    worker.kick();
    await notify.waitFor(before + 1);
    const text = notify.accepted[before]!;
    expect(text).toMatchObject({ kind: 'sms', templateId: SMS_TEMPLATE, to: '07700900123' });
    expect(Object.keys(text.personalisation)).toEqual(['body']);
    const code = text.personalisation.body!.match(
      new RegExp(`^Notifyshire Council: your code to see case ${confirmation.reference} is (\\d{6})\\. It expires in 30 minutes\\.$`),
    )?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(text.reference).toMatch(/^tracking_code:/);
    const opened = await (await caller()).public.track.verifyCode({ reference: confirmation.reference, code: code! });
    expect(opened.token).toEqual(expect.any(String));
    await worker.drain();
    expect(await outboxRow('07700900123', 'tracking_code')).toMatchObject({
      status: 'sent',
      provider: 'notify',
      provider_reference: text.id,
    });
  });

  it('fails at once, with Notify’s reason, a message to an address Notify refuses', async () => {
    notify.failWith('not-deliverable@example.com', {
      status: 400,
      error: 'BadRequestError',
      message: 'email_address Not a valid email address',
    });
    await submit('not-deliverable@example.com');
    worker.kick();
    await worker.drain();
    const row = await outboxRow('not-deliverable@example.com', 'acknowledgement');
    expect(row).toMatchObject({ status: 'failed', attempts: 1, provider: null });
    expect(row.last_error).toContain('Notify 400: email_address Not a valid email address');
    expect(notify.refused).toContainEqual({ to: 'not-deliverable@example.com', status: 400 });
  });

  it('tries again later, not at once, when Notify is down', async () => {
    notify.failWith('later@example.com', { status: 500, error: 'Exception', message: 'Internal server error' });
    await submit('later@example.com');
    worker.kick();
    await worker.drain();
    const row = await outboxRow('later@example.com', 'acknowledgement');
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toContain('500');
    const { now } = await database.db.selectNoFrom((eb) => eb.fn<Date>('now', []).as('now')).executeTakeFirstOrThrow();
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(new Date(now).getTime());
    expect(notify.refused.filter((r) => r.to === 'later@example.com')).toHaveLength(1);
  });

  it('refuses for good a key Notify does not accept', async () => {
    const wrongKey = createNotifyTransport({
      apiKey: `heard_test-${serviceId}-${randomUUID()}`,
      emailTemplateId: EMAIL_TEMPLATE,
      baseUrl: notify.url,
    });
    const sending = wrongKey.send({
      channel: 'email',
      to: 'pat@example.com',
      subject: 'S',
      body: 'B',
      language: 'en',
      idempotencyKey: 'wrong-key:1',
    });
    await expect(sending).rejects.toBeInstanceOf(PermanentSendError);
    await expect(sending).rejects.toThrow('Notify 403: Invalid token: signature, api token not found');
  });

  it('carries text messages only with a text message template; without one they stay in the outbox, by email only', () => {
    expect(Object.keys(createTransports(readJobsEnv({ ...notifyEnv(), NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE }))).sort()).toEqual([
      'email',
      'sms',
    ]);
    const emailOnly = createTransports(readJobsEnv(notifyEnv()));
    expect(Object.keys(emailOnly)).toEqual(['email']);
    expect(emailOnly.email?.name).toBe('notify');
  });
});

describe('with no provider for text messages', () => {
  it('keeps a one-time code sent by text, written out, in the outbox', async () => {
    const confirmation = await submit('kept@example.com', '07700 900456');
    await worker.drain();
    await worker.stop();
    workerStopped = true;
    const emailOnly = await startWorker({ database, env: readJobsEnv(testEnv(notifyEnv())), catchUp: false, workerId: 'email-only' });
    try {
      await (await caller()).public.track.requestCode({ reference: confirmation.reference, phone: '07700900456' });
      await emailOnly.drain();
      const row = await database.db
        .selectFrom('outbox_messages')
        .select(['status', 'provider', 'body'])
        .where('recipient', '=', '07700900456')
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'held', provider: 'outbox' });
      expect(row.body).toMatch(new RegExp(`^Notifyshire Council: your code to see case ${confirmation.reference} is \\d{6}\\.`));
      expect(notify.accepted.some((m) => m.to === '07700900456')).toBe(false);
    } finally {
      await emailOnly.stop();
    }
  });
});
