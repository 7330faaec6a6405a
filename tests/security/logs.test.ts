/**
 * The logs hold no personal data: a full run through the real host with
 * distinctive personal details (a complaint page by page, refused answers,
 * an upload, the confirmation, tracking, staff finding and reading the case,
 * pages that fail), then everything the servers wrote to stdout and stderr is
 * searched for each of those details. Passwords are searched for too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, type Page } from '../support/browser';
import { startHost, type HostProcess } from '../support/host-process';
import { referenceOf } from '../support/portal-client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, signIn } from '../support/staff-sign-in';

const PERSON = {
  fullName: 'Zebedee Quillfeather-Marchbanks',
  email: 'zebedee.quillfeather.7731@example.net',
  phone: '07700900731',
  child: 'Persimmon Quillfeather',
  whatHappened: 'The purple otter incident at Wobbleton Lane left Persimmon without a placement review.',
  outcome: 'A written apology about the Wobbleton Lane review',
  fileName: 'quillfeather-private-diary.txt',
  fileText: 'Diary of the Marchbanks family, private',
};

/** What must never appear in a log: each detail, and telling parts of it. */
const SECRETS = [
  ...Object.values(PERSON),
  'Quillfeather',
  'Marchbanks',
  'zebedee.quillfeather',
  'Wobbleton',
  'purple otter',
  'Persimmon',
  '07700900731',
  DEMO_PASSWORD,
];

let host: HostProcess;
beforeAll(async () => {
  host = await startHost({ env: { HEARD_DATA_DIR: 'memory', HEARD_DEMO_CASES: '0' }, args: ['--demo'] });
});
afterAll(async () => {
  await host?.stop();
});

const radio = (page: Page, name: string) => new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]+)"`).exec(page.html)?.[1] ?? '';

describe('logs', () => {
  it('hold none of the personal details of a whole run through both apps', async () => {
    const portal = new Browser(host.portalUrl);
    const matter = new Date(Date.now() - 10 * 24 * 3600_000);
    const answer = async (step: string, fields: Record<string, string> | ((page: Page) => Record<string, string>)) => {
      const page = await portal.get(`/complaint/${step}`);
      expect(page.status, step).toBe(200);
      const response = await portal.post(`/complaint/${step}`, typeof fields === 'function' ? fields(page) : fields, { from: page });
      expect(response.status, `${step}: ${response.html.slice(0, 300)}`).toBe(302);
    };
    await answer('who', { role: 'parent' });
    // A refused answer carrying personal details: it goes back to the page, not to a log.
    const childPage = await portal.get('/complaint/child');
    const refused = await portal.post(
      '/complaint/child',
      { 'child.fullName': PERSON.child, 'child.dateOfBirth.day': '31', 'child.dateOfBirth.month': '2', 'child.dateOfBirth.year': '2015' },
      { from: childPage },
    );
    expect(refused.status).toBe(400);
    await answer('child', {
      'child.fullName': PERSON.child,
      'child.dateOfBirth.day': '3',
      'child.dateOfBirth.month': '4',
      'child.dateOfBirth.year': '2015',
    });
    await answer('situation', { 'child.situation': 'looked_after' });
    await answer('service', (page) => ({ service: radio(page, 'service') }));
    await answer('what-happened', { whatHappened: PERSON.whatHappened });
    await answer('when', {
      'matterOn.day': String(matter.getUTCDate()),
      'matterOn.month': String(matter.getUTCMonth() + 1),
      'matterOn.year': String(matter.getUTCFullYear()),
    });
    await answer('proceedings', { courtOrTribunalProceedings: 'no' });
    await answer('outcome', { desiredOutcome: PERSON.outcome });
    const contactPage = await portal.get('/complaint/contact');
    const badContact = await portal.post(
      '/complaint/contact',
      {
        'contact.fullName': PERSON.fullName,
        'contact.email': `${PERSON.email}@@`,
        'contact.phone': PERSON.phone,
        'contact.contactPreference': 'email',
        'contact.language': 'en',
      },
      { from: contactPage },
    );
    expect(badContact.status).toBe(400);
    await answer('contact', {
      'contact.fullName': PERSON.fullName,
      'contact.email': PERSON.email,
      'contact.phone': PERSON.phone,
      'contact.contactPreference': 'email',
      'contact.language': 'en',
    });
    await answer('adjustments', { needsAdjustments: 'yes', reasonableAdjustments: `Please call ${PERSON.fullName} after 4pm` });
    const filesPage = await portal.get('/complaint/files');
    const uploaded = await portal.post(
      '/complaint/files',
      { _action: 'upload', file: { blob: new Blob([PERSON.fileText]), fileName: PERSON.fileName } },
      { from: filesPage },
    );
    expect(uploaded.status).toBe(302);
    const rejected = await portal.post(
      '/complaint/files',
      {
        _action: 'upload',
        file: { blob: new Blob([`<svg><script>${PERSON.fullName}</script></svg>`]), fileName: `${PERSON.fullName}.svg` },
      },
      { from: filesPage },
    );
    expect(rejected.status).toBe(400);
    const continued = await portal.post(
      '/complaint/files',
      { _action: 'continue', file: { blob: new Blob([]), fileName: '' } },
      { from: filesPage },
    );
    expect(continued.status).toBe(302);
    const check = await portal.get('/complaint/check');
    expect(check.status).toBe(200);
    const sent = await portal.post('/complaint/check', {}, { from: check });
    expect(sent.status).toBe(302);
    const confirmation = await portal.follow(sent);
    const reference = referenceOf(confirmation.html);
    expect(reference).toMatch(/^[A-Z]+-\d{2}-/);

    // Tracking: the reference and the email address; a wrong code.
    const track = await portal.get('/track');
    const asked = await portal.post('/track', { reference: reference!, email: PERSON.email }, { from: track });
    expect(asked.status).toBeLessThan(500);
    const codePage = await portal.follow(asked);
    const wrong = await portal.post(new URL(codePage.url).pathname, { reference: reference!, code: '000000' }, { from: codePage });
    expect(wrong.status).toBeLessThan(500);
    // Pages that do not exist, with personal details in their addresses.
    expect((await portal.get(`/complaint/${encodeURIComponent(PERSON.fullName)}`)).status).toBe(404);
    expect((await portal.get(`/track/link/${encodeURIComponent(PERSON.email)}-0123456789012345678901234567890123`)).status).toBeLessThan(
      500,
    );

    // Staff find the case and read it; a wrong password with the person's name as the email.
    const office = new Browser(host.backofficeUrl);
    const badSignIn = await office.post(
      '/sign-in',
      { email: PERSON.email, password: PERSON.fullName, returnTo: '/' },
      { from: await office.get('/sign-in') },
    );
    expect(badSignIn.status).toBe(400);
    await signIn(office, DEMO_ACCOUNTS.officer);
    const found = await office.get(`/find?reference=${encodeURIComponent(reference!)}`);
    expect(found.status).toBe(302);
    const casePage = await office.get(found.location!);
    expect(casePage.status).toBe(200);
    expect(casePage.html).toContain(PERSON.fullName);
    expect((await office.get(`/find?reference=${encodeURIComponent(PERSON.fullName)}`)).status).toBeLessThan(500);

    // Give the servers a moment to write whatever they were going to.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const output = host.output();
    expect(output.length).toBeGreaterThan(0);
    const leaked = SECRETS.filter((secret) => output.toLowerCase().includes(secret.toLowerCase()));
    expect(leaked, `personal details in the logs:\n${output.slice(-3000)}`).toEqual([]);
  });
});
