import { createApi, type ApiCaller } from '@heard/api/server';
import { outboxDeliveryRepository } from '@heard/db';
import { createCouncil, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { computeDeadline, formatDate, rulesForCase } from '@heard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJobsEnv, startWorker, type RunningWorker } from '../src/index';
import { startSmtpServer, testEnv } from './support';

/**
 * The end-to-end promise: a complaint sent through the portal's own
 * procedure (`public.complaint.submit`, as the portal's pages call it)
 * produces the acknowledgement email, delivered by the worker through a real
 * SMTP server, with the reference and due date the person was shown, in
 * their language, and with a link that opens their case. On PGlite, and on
 * PostgreSQL when TEST_DATABASE_URL is set.
 */
let database: TestDatabase;
let api: ReturnType<typeof createApi>;
let fostering: string;
// Received on the Wednesday before Easter 2026: Good Friday (3 April) and Easter Monday (6 April) are not working days.
const clock = { now: new Date('2026-04-01T09:30:00Z') };
const HOST = 'portal.heardshire.example';

beforeAll(async () => {
  database = await createTestDatabase();
  const council = await createCouncil(database, {
    slug: 'heardshire',
    name: 'Heardshire Council',
    hostnames: [HOST],
    referencePrefix: 'CYP',
  });
  await database.db.updateTable('councils').set({ name_cy: 'Cyngor Heardshire' }).where('id', '=', council.id).execute();
  const division = await database.db
    .insertInto('divisions')
    .values({ council_id: council.id, name: "Children's Social Care" })
    .returning('id')
    .executeTakeFirstOrThrow();
  const service = await database.db
    .insertInto('services')
    .values({ council_id: council.id, division_id: division.id, name: 'Fostering', framework: 'statutory' })
    .returning('id')
    .executeTakeFirstOrThrow();
  fostering = service.id;
  api = createApi({ database, now: () => clock.now });
});
afterAll(() => database?.destroy());

function caller(language: 'en' | 'cy'): Promise<ApiCaller> {
  return api.getCaller(new Request(`https://${HOST}/complaint/check`), { ip: '192.0.2.20', language });
}

async function submitComplaint(language: 'en' | 'cy', email: string) {
  return (await caller(language)).public.complaint.submit({
    journey: 'complaint',
    idempotencyKey: `portal-submission-${email.replace(/\W/g, '-')}-0000000000`,
    role: 'parent',
    contact: { fullName: language === 'cy' ? 'Rhiant Prawf' : 'Parent Test', email, contactPreference: 'email', language },
    child: { fullName: 'Alex Test', dateOfBirth: '2015-04-03', situation: 'looked_after' },
    serviceArea: 'social_care',
    serviceId: fostering,
    whatHappened: 'Contact visits were cancelled three times without notice.',
    matterOn: '2026-03-20',
    desiredOutcome: 'A visit plan we can rely on.',
    courtOrTribunalProceedings: 'no',
  });
}

/** The case's due date as @heard/domain works it out (never here), written out as the email writes it. */
function expectedDue(language: 'en' | 'cy'): { iso: string; text: string } {
  const deadline = computeDeadline(
    { type: 'children_act_complaint', stage: '1', receivedOn: '2026-04-01' },
    'response',
    rulesForCase({ receivedOn: '2026-04-01' }),
  );
  if (deadline.status !== 'due') throw new Error('expected a due date');
  return { iso: deadline.dueOn, text: formatDate(deadline.dueOn, language, { weekday: true }) };
}

describe('a portal submission', () => {
  let worker: RunningWorker;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    worker = await startWorker({
      database,
      env: readJobsEnv(testEnv({ SMTP_URL: smtp.url, HEARD_MAIL_FROM: 'Heardshire <complaints@heardshire.example>' })),
      catchUp: false,
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await smtp?.close();
  });

  it('is acknowledged by email in English, with the reference and due date the person was shown and a link to the case', async () => {
    const confirmation = await submitComplaint('en', 'parent@example.com');
    expect(confirmation).toMatchObject({
      caseType: 'children_act_complaint',
      contactBy: 'email',
      response: { status: 'due', dueOn: expectedDue('en').iso },
    });
    worker.kick();
    await smtp.waitFor(1);
    const mail = smtp.received.find((m) => m.to.includes('parent@example.com'))!;
    expect(mail.subject).toBe(`We have received your complaint: ${confirmation.reference}`);
    expect(mail.text).toContain(`Your reference is ${confirmation.reference}.`);
    expect(mail.text).toContain('We received it on Wednesday 1 April 2026.');
    expect(mail.text).toContain(`We will respond by ${expectedDue('en').text}.`);
    expect(mail.language).toBe('en-GB');
    expect(mail.text).toContain('Heardshire Council');
    // The link in the email opens the person's case on the portal (a 30-day signed link).
    const link = mail.text.match(new RegExp(`https://${HOST.replace(/\./g, '\\.')}/track/link/([A-Za-z0-9_-]+)`));
    expect(link).not.toBeNull();
    const opened = await (await caller('en')).public.track.openLink({ token: link![1]! });
    expect(opened.token).toEqual(expect.any(String));
    const caseId = (
      await database.db.selectFrom('cases').select('id').where('reference', '=', confirmation.reference).executeTakeFirstOrThrow()
    ).id;
    expect(mail.key).toBe(`acknowledgement:${caseId}`);
  });

  it('is acknowledged in Welsh for a person who chose Welsh, from the council’s Welsh name', async () => {
    const confirmation = await submitComplaint('cy', 'rhiant@example.com');
    worker.kick();
    await smtp.waitFor(2);
    const mail = smtp.received.find((m) => m.to.includes('rhiant@example.com'))!;
    expect(mail.subject).toBe(`Rydym wedi cael eich cwyn: ${confirmation.reference}`);
    expect(mail.text).toContain(`Eich cyfeirnod yw ${confirmation.reference}`);
    expect(mail.text).toContain(`Byddwn yn ymateb erbyn ${expectedDue('cy').text}.`);
    expect(mail.language).toBe('cy');
    expect(mail.text).toContain('Cyngor Heardshire');
    expect(mail.text).not.toContain('Heardshire Council');
  });

  it('is sent once: the same form sent again makes no second case and no second email', async () => {
    const again = await submitComplaint('en', 'parent@example.com');
    await worker.drain();
    expect(smtp.received.filter((m) => m.to.includes('parent@example.com'))).toHaveLength(1);
    const councilId = (await database.db.selectFrom('councils').select('id').where('slug', '=', 'heardshire').executeTakeFirstOrThrow()).id;
    const counts = await database.withCouncil(councilId, (tx) => outboxDeliveryRepository(tx).countByStatus());
    expect(counts).toEqual({ pending: 0, sending: 0, sent: 2, held: 0, failed: 0 });
    expect(again.reference).toBe(smtp.received.find((m) => m.to.includes('parent@example.com'))!.subject.split(': ')[1]);
  });
});
