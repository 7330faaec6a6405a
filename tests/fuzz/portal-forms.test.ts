/**
 * Every question page of the portal's journeys, through HTTP as a browser
 * without JavaScript sends it, with hostile answers made by fast-check (huge
 * strings, control characters, SQL and HTML fragments, emoji, right-to-left
 * text, wrong options, impossible dates). Each post is either accepted (a
 * redirect to the next page) or refused with the page again: the GOV.UK error
 * summary, "Error:" in the title, what the person typed kept in the fields
 * and shown escaped (never as markup), never a 5xx. Accepted hostile answers
 * are shown escaped when the page is opened again. Then the page is answered
 * properly and the journey goes on, to the check-your-answers page.
 */
import fc from 'fast-check';
import { normaliseText, type JourneyId } from '@heard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_VIEWS, type FieldView } from '../../apps/portal/app/lib/journey-views';
import { Browser, decodeEntities, type Page } from '../support/browser';
import { hostileString } from '../support/hostile';
import { startHost, type HostProcess } from '../support/host-process';

const RUNS = Number(process.env.FUZZ_FORM_RUNS ?? 3);

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

const matter = new Date(Date.now() - 20 * 24 * 3600_000);
const firstRadio = (page: Page, name: string) =>
  new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]+)"`).exec(page.html)?.[1] ??
  new RegExp(`<input[^>]*value="([^"]+)"[^>]*name="${name}"`).exec(page.html)?.[1];

/** Proper answers for each page, as form fields. */
const GOOD: Record<string, (page: Page) => Record<string, string>> = {
  'complaint/who': () => ({ role: 'parent' }),
  'complaint/child': () => ({
    'child.fullName': 'Alex Jones',
    'child.dateOfBirth.day': '3',
    'child.dateOfBirth.month': '4',
    'child.dateOfBirth.year': '2015',
  }),
  'complaint/situation': () => ({ 'child.situation': 'looked_after' }),
  'complaint/service': (page) => ({ service: firstRadio(page, 'service')! }),
  'complaint/what-happened': () => ({ whatHappened: 'Contact visits were cancelled three times.' }),
  'complaint/when': () => ({
    'matterOn.day': String(matter.getUTCDate()),
    'matterOn.month': String(matter.getUTCMonth() + 1),
    'matterOn.year': String(matter.getUTCFullYear()),
  }),
  'complaint/proceedings': () => ({ courtOrTribunalProceedings: 'no' }),
  'complaint/outcome': () => ({ desiredOutcome: 'A visit plan we can rely on.' }),
  'complaint/contact': () => ({
    'contact.fullName': 'Sam Jones',
    'contact.email': 'sam@example.com',
    'contact.contactPreference': 'email',
    'contact.language': 'en',
  }),
  'complaint/adjustments': () => ({ needsAdjustments: 'no' }),
  'young-person/advocate': () => ({ wantsAdvocate: 'no' }),
  'young-person/name': () => ({ firstName: 'Sam', age: '12' }),
  'young-person/situation': () => ({ situation: 'looked_after' }),
  'young-person/what-happened': () => ({ whatHappened: 'My social worker keeps changing.' }),
  'young-person/what-would-help': () => ({ whatWouldHelp: 'One worker who stays.' }),
  'young-person/contact': () => ({ email: 'sam.young@example.com', language: 'en' }),
  'compliment/service': (page) => ({ service: firstRadio(page, 'service')! }),
  'compliment/person': () => ({ aboutWhom: 'Jo, our social worker' }),
  'compliment/message': () => ({ message: 'Jo listened and helped.' }),
  'compliment/share': () => ({ mayShare: 'yes' }),
  'compliment/reply': () => ({ wantsReply: 'no', language: 'en' }),
  'enquiry/route': () => ({ route: 'general' }),
  'enquiry/service': (page) => ({ service: firstRadio(page, 'service')! }),
  'enquiry/question': () => ({ question: 'How do I ask for a school transport review?' }),
  'enquiry/contact': () => ({
    'enquirer.fullName': 'Pat Asker',
    'enquirer.email': 'pat@example.com',
    'enquirer.contactPreference': 'email',
    'enquirer.language': 'en',
  }),
  'foi/request': () => ({ request: 'How much was spent on agency social workers in 2025?' }),
  'foi/format': () => ({ preferredFormat: 'electronic' }),
  'foi/contact': () => ({ fullName: 'Frankie Info', email: 'frankie@example.com', language: 'en' }),
};

/** The field names of a page's fields (conditional ones included). */
function fieldNames(fields: readonly FieldView[]): Array<{ name: string; kind: FieldView['kind'] }> {
  return fields.flatMap((field) => {
    if (field.kind === 'date') return ['day', 'month', 'year'].map((part) => ({ name: `${field.path}.${part}`, kind: 'text' as const }));
    if (field.kind === 'address')
      return ['line1', 'line2', 'town', 'postcode'].map((part) => ({ name: `${field.path}.${part}`, kind: 'text' as const }));
    const own = [{ name: field.path, kind: field.kind }];
    if (field.kind === 'radios' && field.conditional) return [...own, ...fieldNames(Object.values(field.conditional).flat())];
    return own;
  });
}

/** What the server receives for a string (URL-encoding turns lone surrogates into U+FFFD). */
const received = (value: string) => Buffer.from(value, 'utf8').toString('utf8');

/**
 * The value a page shows in a text field or text area, as a browser reads the page: its HTML parser first
 * turns every CRLF and lone CR of the markup into LF (an escaped `&#13;` would survive), then entities are
 * decoded. Undefined when the field is not on the page.
 */
function shownValue(page: string, name: string, kind: FieldView['kind']): string | undefined {
  const html = page.replace(/\r\n?/g, '\n');
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (kind === 'textarea') {
    const match = new RegExp(`<textarea[^>]*name="${escaped}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
    return match ? decodeEntities(match[1]!.replace(/^\n/, '')) : undefined;
  }
  const tag = new RegExp(`<input[^>]*name="${escaped}"[^>]*>`).exec(html)?.[0];
  if (!tag) return undefined;
  return decodeEntities(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
}

/**
 * Checks a page that shows `sent` back: each text kept as the server received it, line breaks as `\n` (as
 * the browser shows them, and as the domain's text schemas store them), and no markup of it unescaped. A
 * saved answer is shown as stored (`normaliseText`, trimmed; a blank one is no answer).
 */
function expectShownSafely(page: Page, sent: Record<string, string>, kinds: Map<string, FieldView['kind']>, what: string, saved = false) {
  for (const [name, value] of Object.entries(sent)) {
    const kind = kinds.get(name);
    if (kind !== 'text' && kind !== 'textarea') continue;
    const shown = shownValue(page.html, name, kind);
    if (shown !== undefined)
      expect(shown, `${what}: ${name} kept as typed`).toBe(
        // NUL is never part of a page (the API drops it from input, the renderer from output).
        // A textarea's first newline is dropped by the HTML parser, as `shownValue` does (what a browser shows).
        saved
          ? normaliseText(received(value)).trim()
          : received(value)
              .replace(/\r\n?/g, '\n')
              .replaceAll('\u0000', '')
              .replace(kind === 'textarea' ? /^\n/ : /(?!)/, ''),
      );
    // Less React's own comments (`<!-- -->` between adjacent text, `<!--$-->` around a boundary), which hold "<!--" whatever was typed.
    // Only text that could open markup (`<` then a letter, `!`, `/` or `?`): a lone `"` or `>` is in every page.
    if (/<[a-z!/?]/i.test(value))
      expect(
        page.html.replace(/<!--(?: |\$[?!]?|\/\$)-->/g, '').includes(value),
        `${what}: ${name} shown unescaped: ${JSON.stringify(value).slice(0, 200)}`,
      ).toBe(false);
  }
}

function stepOf(page: Page): string {
  return new URL(page.url).pathname.slice(1);
}

async function fuzzJourney(journey: Exclude<JourneyId, 'advocate-complaint'>) {
  const browser = new Browser(host.portalUrl);
  let page = await browser.follow(await browser.get(`/${journey}`));
  // The journey's start page links to its first question.
  if (!/\/[a-z-]+\/[a-z-]+$/.test(new URL(page.url).pathname) || stepOf(page) === journey) {
    const first = Object.keys(JOURNEY_VIEWS[journey])[0]!;
    page = await browser.follow(await browser.get(`/${journey}/${first}`));
  }
  const visited: string[] = [];
  let refusals = 0;
  for (let guard = 0; guard < 20 && !stepOf(page).endsWith('/check'); guard += 1) {
    const step = stepOf(page);
    const stepId = step.split('/')[1]!;
    const view = JOURNEY_VIEWS[journey][stepId];
    expect(view, `a page with no view: ${step}`).toBeDefined();
    expect(page.status, `${step}: ${page.html.slice(0, 300)}`).toBe(200);
    visited.push(stepId);
    if (view!.upload) {
      page = await browser.follow(
        await browser.post(`/${step}`, { _action: 'continue', file: { blob: new Blob([]), fileName: '' } }, { from: page }),
      );
      continue;
    }
    const fields = fieldNames(view!.fields);
    const kinds = new Map(fields.map((f) => [f.name, f.kind]));
    const hostile = fc.record(
      Object.fromEntries(
        fields.map((f) => [f.name, fc.oneof(hostileString(), fc.constantFrom('', ' ', 'not-an-option', '31', '2', '1899'))]),
      ) as Record<string, fc.Arbitrary<string>>,
    );
    for (const sent of fc.sample(hostile, { numRuns: RUNS })) {
      // Keep bodies to what a form could send (the largest text area holds 10,000 characters).
      const trimmed = Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, v.length > 20_000 ? v.slice(0, 20_000) : v]));
      const response = await browser.post(`/${step}`, trimmed, { from: page });
      expect(response.status, `${step} with ${JSON.stringify(trimmed).slice(0, 300)}: ${response.html.slice(0, 300)}`).toBeLessThan(500);
      if (response.status === 302) {
        // Accepted: the page again shows what was saved, escaped.
        const again = await browser.get(`/${step}`);
        expect(again.status).toBe(200);
        expectShownSafely(again, trimmed, kinds, `${step} (saved)`, true);
        continue;
      }
      refusals += 1;
      expect(response.status, step).toBe(400);
      expect(response.html, `${step}: the error summary`).toContain('govuk-error-summary');
      expect(response.html, `${step}: "Error:" in the title`).toMatch(/<title>Error: /);
      expectShownSafely(response, trimmed, kinds, step);
    }
    const good = GOOD[step];
    expect(good, `no proper answers for ${step}: add them to GOOD`).toBeDefined();
    const next = await browser.post(`/${step}`, good!(page), { from: page });
    expect(next.status, `${step} with proper answers: ${next.html.slice(0, 500)}`).toBe(302);
    page = await browser.follow(next);
  }
  expect(stepOf(page)).toBe(`${journey}/check`);
  expect(refusals).toBeGreaterThan(0);
  return visited;
}

describe('portal forms with hostile answers', () => {
  for (const journey of ['complaint', 'young-person', 'compliment', 'enquiry', 'foi'] as const) {
    it(`the ${journey} journey`, async () => {
      const visited = await fuzzJourney(journey);
      console.log(`${journey}: fuzzed ${visited.join(', ')}`);
    });
  }
});
