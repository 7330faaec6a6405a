/**
 * Uploads, through the API and through the portal's upload page: the kinds
 * people send are kept; empty files, files over 10 MB, programs and web pages
 * behind a document's name, SVG drawings with scripts, zip bombs and broken
 * archives dressed as Word are each refused with a clear message for the
 * file field, and nothing is stored. Random bytes behind every accepted
 * extension are accepted only when their content really is that kind.
 */
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, callProcedure, type World } from '../support/api-world';
import { Browser, type Page } from '../support/browser';
import { changedTables, fingerprint } from '../support/db-fingerprint';
import { sampleFiles } from '../support/files';
import { parentComplaintPages } from '@heard/api/testing';
import { startHost, type HostProcess } from '../support/host-process';

let database: TestDatabase;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
});
afterAll(() => database?.destroy());

const attachments = async () =>
  Number((await sql<{ n: number }>`select count(*)::int as n from attachments`.execute(database.db)).rows[0]!.n);

async function upload(fileName: string, content: Uint8Array) {
  const caller = await world.callerFor('anonymous', 'a', null);
  return callProcedure(caller, 'public.attachment.upload', { journey: 'complaint', token: world.draftTokens[0], fileName, content });
}

describe('uploads through the API', () => {
  for (const file of sampleFiles()) {
    it(`${file.label}: ${file.expect === 'accept' ? 'kept' : `refused (${file.expect})`}`, async () => {
      const before = await fingerprint(database);
      const outcome = await upload(file.fileName, file.content);
      if (file.expect === 'accept') {
        expect(outcome.ok, outcome.ok ? '' : JSON.stringify(outcome.described)).toBe(true);
        const removed = await callProcedure(await world.callerFor('anonymous', 'a', null), 'public.attachment.remove', {
          journey: 'complaint',
          token: world.draftTokens[0],
          id: (outcome as { value: { id: string } }).value.id,
        });
        expect(removed.ok).toBe(true);
      } else {
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expect(outcome.described).toMatchObject({ status: 400, fieldErrors: { file: file.expect } });
        expect(changedTables(before, await fingerprint(database))).toEqual([]);
      }
    });
  }

  it('random bytes behind a document name are kept only when their content is a kind we accept', async () => {
    const signatures: Array<[string, number[]]> = [
      ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
      ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
      ['jpg', [0xff, 0xd8, 0xff]],
      ['doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('letter.pdf', 'photo.png', 'photo.jpg', 'notes.txt', 'letter.docx', 'letter.odt'),
        fc.uint8Array({ minLength: 1, maxLength: 400 }),
        async (name, bytes) => {
          const count = await attachments();
          const outcome = await upload(name, bytes);
          const isText = (() => {
            if (bytes.includes(0)) return false;
            try {
              const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
              const control = [...text].some((c) => c.charCodeAt(0) < 0x20 && !'\t\n\f\r'.includes(c));
            return !control && !/<(script|svg|iframe)\b/i.test(text);
            } catch {
              return false;
            }
          })();
          const signed = signatures.some(([, sig]) => sig.every((b, i) => bytes[i] === b));
          if (outcome.ok) {
            expect(signed || isText, `accepted ${name} that is neither a known kind nor text`).toBe(true);
            await callProcedure(await world.callerFor('anonymous', 'a', null), 'public.attachment.remove', {
              journey: 'complaint',
              token: world.draftTokens[0],
              id: (outcome.value as { id: string }).id,
            });
          } else {
            expect(outcome.described.status).toBe(400);
            expect(outcome.described.fieldErrors.file).toBe('portal.errors.file.type');
            expect(await attachments()).toBe(count);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** A parent's complaint answered page by page through the portal, up to its upload page. */
async function reachUploadPage(browser: Browser): Promise<Page> {
  let page = await browser.follow(await browser.get('/complaint/who'));
  for (let guard = 0; guard < 15 && new URL(page.url).pathname !== '/complaint/files'; guard += 1) {
    const stepId = new URL(page.url).pathname.split('/')[2]!;
    const service = /<input[^>]*name="service"[^>]*value="([^"]+)"/.exec(page.html)?.[1] ?? '';
    const answers = parentComplaintPages(service, new Date()).find(([id]) => id === stepId)?.[1];
    expect(answers, `no answers for complaint/${stepId}`).toBeDefined();
    const next = await browser.post(`/complaint/${stepId}`, formFields(answers!), { from: page });
    expect(next.status, `complaint/${stepId}: ${next.html.slice(0, 300)}`).toBe(302);
    page = await browser.follow(next);
  }
  expect(new URL(page.url).pathname).toBe('/complaint/files');
  return page;
}

/** Nested answers as a form's fields (`contact.address.line1`). */
function formFields(value: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, inner]: [string, unknown]) =>
      inner !== null && typeof inner === 'object'
        ? Object.entries(formFields(inner, `${prefix}${key}.`))
        : [[`${prefix}${key}`, String(inner)]],
    ),
  );
}

describe('uploads through the portal page', () => {
  let host: HostProcess;
  beforeAll(async () => {
    host = await startHost({
      env: { HEARD_DATA_DIR: 'memory', HEARD_RATE_LIMITS: 'off', HEARD_DEMO_CASES: '0' },
      args: ['--demo', '--app', 'portal'],
    });
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('refuses each bad file with the GOV.UK error summary and the reason by the field, and keeps the good ones', async () => {
    const browser = new Browser(host.portalUrl);
    // The upload page is the complaint's last question: answer the others first, as a person does (a page
    // not reached yet sends the person back to the one they are due, and a refused file's page with it).
    const from = await reachUploadPage(browser);
    const messages: Record<string, string> = {
      'portal.errors.file.empty': '',
      'portal.errors.file.tooBig': '',
      'portal.errors.file.type': '',
    };
    for (const file of sampleFiles()) {
      const response = await browser.post(
        '/complaint/files',
        { _action: 'upload', file: { blob: new Blob([file.content]), fileName: file.fileName } },
        { from },
      );
      if (file.expect === 'accept') {
        expect([302, 303], `${file.label}: ${response.status}`).toContain(response.status);
        continue;
      }
      expect(response.status, file.label).toBe(400);
      expect(response.html, file.label).toContain('govuk-error-summary');
      // React's server rendering separates adjacent text with an empty comment (`Error:</span> <!-- -->the reason`).
      const html = response.html.replace(/<!-- -->/g, '');
      const message = /govuk-error-message[^>]*>(?:<span[^>]*>[^<]*<\/span>)?([^<]+)</.exec(html)?.[1]?.trim() ?? '';
      expect(message, `${file.label}: a reason by the field`).not.toBe('');
      messages[file.expect] ||= message;
    }
    console.log(`upload refusals as the person reads them: ${JSON.stringify(messages)}`);
  });
});
