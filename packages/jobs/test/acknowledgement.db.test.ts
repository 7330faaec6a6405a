import { createCouncil, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { intakeRepository, outboxDeliveryRepository, outboxRepository } from '@heard/db';
import { computeDeadline, formatDate, rulesForCase } from '@heard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJobsEnv, startWorker, type RunningWorker } from '../src/index';
import { startSmtpServer, testEnv } from './support';

/**
 * A portal submission (case, person, event and acknowledgement queued in one
 * transaction, as the intake does) produces the acknowledgement email: by a
 * real SMTP server with the right reference, due date and language; and,
 * with no provider configured, as an outbox entry the back-office shows.
 */
let database: TestDatabase;
let councilId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  councilId = (await createCouncil(database, { name: 'Heardshire Council' })).id;
});
afterAll(async () => {
  await database?.destroy();
});

async function submit(language: 'en' | 'cy', email: string, receivedOn: string) {
  const rules = rulesForCase({ receivedOn });
  const facts = { type: 'corporate_complaint' as const, stage: '1' as const, receivedOn };
  const response = computeDeadline(facts, 'response', rules);
  const acknowledgement = computeDeadline(facts, 'acknowledgement', rules);
  const dueOn = response.status === 'due' ? response.dueOn : null;
  return database.withCouncil(councilId, async (tx) => {
    const created = await intakeRepository(tx).createCase(
      {
        councilId,
        referencePrefix: 'CYP',
        receivedOn,
        type: 'corporate_complaint',
        framework: 'corporate',
        stage: '1',
        acknowledgementDueOn: acknowledgement.status === 'due' ? acknowledgement.dueOn : null,
        dueOn,
        serviceId: null,
        divisionId: null,
        channel: 'portal',
        language,
        advocateSupported: false,
        summary: 'School transport did not arrive',
        details: null,
        flags: {},
        people: [{ role: 'complainant', name: 'Alex Example', email, phone: null, language } as never],
        event: { type: 'received', payload: {}, actorUserId: null, actorLabel: 'public' },
        idempotencyKey: `form-${email}`,
      },
      Math.random,
    );
    await outboxRepository(tx).queue({
      councilId,
      caseId: created.caseId,
      channel: 'email',
      recipient: email,
      template: 'acknowledgement',
      language,
      payload: { reference: created.reference, dueOn },
      idempotencyKey: `acknowledgement:${created.caseId}`,
    });
    return { ...created, dueOn: dueOn! };
  });
}

describe('acknowledgement by SMTP', () => {
  let worker: RunningWorker;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    worker = await startWorker({ database, env: readJobsEnv(testEnv({ SMTP_URL: smtp.url, HEARD_MAIL_FROM: 'Heardshire <complaints@heardshire.test>' })), catchUp: false });
  });
  afterAll(async () => {
    await worker?.stop();
    await smtp?.close();
  });

  it('arrives in English with the reference and the due date', async () => {
    const submitted = await submit('en', 'parent@example.com', '2024-03-27');
    worker.kick();
    await smtp.waitFor(1);
    const mail = smtp.received.find((m) => m.to.includes('parent@example.com'))!;
    expect(mail.subject).toBe(`We have received your complaint: ${submitted.reference}`);
    expect(mail.text).toContain(`Your reference is ${submitted.reference}`);
    // Received the Wednesday before Easter 2024: Good Friday and Easter Monday are skipped.
    expect(submitted.dueOn).toBe('2024-04-12');
    expect(mail.text).toContain(`We will respond by ${formatDate(submitted.dueOn, 'en')}`);
    expect(mail.language).toBe('en-GB');
    expect(mail.key).toBe(`acknowledgement:${submitted.caseId}`);
  });

  it('arrives in Welsh for a person who chose Welsh', async () => {
    const submitted = await submit('cy', 'rhiant@example.com', '2024-05-02');
    worker.kick();
    await smtp.waitFor(2);
    const mail = smtp.received.find((m) => m.to.includes('rhiant@example.com'))!;
    expect(mail.subject).toBe(`Rydym wedi cael eich cwyn: ${submitted.reference}`);
    expect(mail.text).toContain(`Eich cyfeirnod yw ${submitted.reference}`);
    expect(mail.text).toContain(`Byddwn yn ymateb erbyn ${formatDate(submitted.dueOn, 'cy')}`);
    expect(mail.language).toBe('cy');
  });

  it('records each message as sent, once', async () => {
    await worker.drain();
    const sent = await database.withCouncil(councilId, (tx) => outboxDeliveryRepository(tx).countByStatus());
    expect(sent).toMatchObject({ sent: 2, pending: 0, sending: 0, failed: 0 });
    expect(smtp.received).toHaveLength(2);
  });
});

describe('with no provider configured', () => {
  it('keeps the acknowledgement in the outbox, rendered, for the back-office page', async () => {
    const worker = await startWorker({ database, env: readJobsEnv(testEnv()), catchUp: false });
    try {
      const submitted = await submit('en', 'no-provider@example.com', '2024-06-03');
      await worker.drain();
      const list = await database.withCouncil(councilId, (tx) => outboxDeliveryRepository(tx).list({ limit: 10 }));
      const held = list.find((m) => m.recipient === 'no-provider@example.com')!;
      expect(held).toMatchObject({ status: 'held', provider: 'outbox', reference: submitted.reference });
      const detail = await database.withCouncil(councilId, (tx) => outboxDeliveryRepository(tx).find(held.id));
      expect(detail?.body).toContain(`We will respond by ${formatDate(submitted.dueOn, 'en')}`);
    } finally {
      await worker.stop();
    }
  });
});
