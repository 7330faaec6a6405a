/**
 * The production host as a browser meets it (`heard start --demo`, both
 * apps built, embedded database in memory): the headers of every response,
 * error pages that say nothing about the software, CSRF refusals on every
 * form found by crawling both apps, and staff sessions over HTTP (a new
 * token at each sign-in step, sign-out ending the session on the server,
 * cookies that scripts and other sites cannot use, no open redirect).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, type Page } from '../support/browser';
import { startHost, type HostProcess } from '../support/host-process';
import { DEMO_ACCOUNTS, postCode, postPassword, signIn } from '../support/staff-sign-in';
import { currentTotpCode } from '@heard/api/server';

let host: HostProcess;

beforeAll(async () => {
  host = await startHost({ env: { HEARD_DATA_DIR: 'memory', TRUST_PROXY: 'loopback' }, args: ['--demo'] });
});
afterAll(async () => {
  await host?.stop();
});

/** The checks every response must pass, whatever it is. */
function expectSecurityHeaders(page: Page, what: string) {
  const h = page.headers;
  const csp = h.get('content-security-policy') ?? '';
  expect(csp, `${what}: CSP`).not.toBe('');
  const directives = Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
  expect(directives['script-src'], `${what}: script-src`).toBeDefined();
  expect(directives['script-src']!.join(' '), `${what}: script-src`).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
  expect(
    directives['script-src']!.some((v: string) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(v)),
    `${what}: script nonce`,
  ).toBe(true);
  expect((directives['style-src'] ?? []).join(' '), `${what}: style-src`).not.toMatch(/'unsafe-inline'/);
  expect(directives['frame-ancestors'], `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect(directives['object-src'], `${what}: object-src`).toEqual(["'none'"]);
  expect(directives['base-uri'], `${what}: base-uri`).toEqual(["'none'"]);
  expect(directives['form-action'], `${what}: form-action`).toEqual(["'self'"]);
  expect(h.get('strict-transport-security'), `${what}: HSTS`).toMatch(/max-age=(\d{8,}|3153[0-9]{4})/);
  expect(h.get('x-content-type-options'), `${what}: nosniff`).toBe('nosniff');
  expect(h.get('x-frame-options'), `${what}: X-Frame-Options`).toBe('DENY');
  expect(h.get('referrer-policy'), `${what}: Referrer-Policy`).toMatch(/^(same-origin|no-referrer|strict-origin(-when-cross-origin)?)$/);
  expect(h.get('permissions-policy'), `${what}: Permissions-Policy`).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(h.get('x-powered-by'), `${what}: X-Powered-By`).toBeNull();
  expect(h.get('server') ?? '', `${what}: Server`).not.toMatch(/\d/);
}

/** Nothing about the software in a body: no stack, no paths, no versions. */
function expectNothingAboutTheSoftware(page: Page, what: string) {
  expect(page.html, `${what}: a stack trace`).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules|\/work\/|file:\/\/\//);
  expect(page.html, `${what}: versions`).not.toMatch(/Express|Remix\/\d|Node\.js v?\d|PostgreSQL \d|PGlite|kysely|TRPCError/i);
}

/** Every inline script carries this response's nonce; no event-handler attributes. */
function expectScriptsNonced(page: Page, what: string) {
  const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
  for (const tag of page.html.match(/<script\b[^>]*>/g) ?? []) {
    if (/\bsrc=/.test(tag)) continue;
    expect(tag, `${what}: inline script without this response's nonce`).toContain(`nonce="${nonce}"`);
  }
  expect(page.html, `${what}: inline event handlers`).not.toMatch(/<[^>]+\son[a-z]+=["']/i);
}

/** Same-origin pages reachable from `/` by links (depth 2, at most `limit`), and the POST forms on them. */
async function crawl(browser: Browser, limit = 40): Promise<{ pages: Page[]; forms: Array<{ action: string; from: Page }> }> {
  const seen = new Set<string>(['/']);
  const queue: Array<{ path: string; depth: number }> = [{ path: '/', depth: 0 }];
  const pages: Page[] = [];
  const forms: Array<{ action: string; from: Page }> = [];
  while (queue.length > 0 && pages.length < limit) {
    const { path, depth } = queue.shift()!;
    const page = await browser.follow(await browser.get(path));
    pages.push(page);
    for (const form of page.html.match(/<form\b[^>]*>/g) ?? []) {
      if (!/method="post"/i.test(form)) continue;
      const action = /action="([^"]*)"/.exec(form)?.[1] ?? new URL(page.url).pathname;
      const target = new URL(action.replace(/&amp;/g, '&'), page.url);
      if (target.origin === browser.origin && !forms.some((f) => f.action === target.pathname))
        forms.push({ action: target.pathname + target.search, from: page });
    }
    if (depth >= 2) continue;
    for (const match of page.html.matchAll(/href="([^"#]+)"/g)) {
      const url = new URL(match[1]!.replace(/&amp;/g, '&'), page.url);
      if (url.origin !== browser.origin || /\.(css|js|svg|png|ico|woff2?)$/.test(url.pathname) || url.pathname.startsWith('/assets/'))
        continue;
      const key = url.pathname + url.search;
      if (/sign-out/.test(key) || seen.has(key)) continue;
      seen.add(key);
      queue.push({ path: key, depth: depth + 1 });
    }
  }
  return { pages, forms };
}

describe('headers on every response', () => {
  it('the portal: pages, a page that does not exist, a static file, a refused post', async () => {
    const browser = new Browser(host.portalUrl);
    const { pages } = await crawl(browser, 25);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      expectSecurityHeaders(page, `portal ${page.url}`);
      expectScriptsNonced(page, `portal ${page.url}`);
      expectNothingAboutTheSoftware(page, `portal ${page.url}`);
    }
    const missing = await browser.get('/no-such-page/../../etc/passwd?x=<script>');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing, 'portal 404');
    expectNothingAboutTheSoftware(missing, 'portal 404');
    const asset = /href="(\/assets\/[^"]+\.css)"/.exec(pages[0]!.html)?.[1];
    expect(asset, 'a stylesheet link on the start page').toBeDefined();
    const css = await browser.get(asset!);
    expect(css.status).toBe(200);
    expectSecurityHeaders(css, `portal ${asset}`);
    const refused = await browser.post('/', { anything: 'x' }, { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expectSecurityHeaders(refused, 'portal refused post');
    expectNothingAboutTheSoftware(refused, 'portal refused post');
  });

  it('the back-office: pages signed out and signed in, a page that does not exist, a malformed request', async () => {
    const browser = new Browser(host.backofficeUrl);
    const signedOut = await crawl(browser, 10);
    await signIn(browser, DEMO_ACCOUNTS.dmt);
    const signedIn = await crawl(browser, 30);
    expect(signedIn.pages.length).toBeGreaterThan(1);
    for (const page of [...signedOut.pages, ...signedIn.pages]) {
      expectSecurityHeaders(page, `back-office ${page.url}`);
      expectScriptsNonced(page, `back-office ${page.url}`);
      expectNothingAboutTheSoftware(page, `back-office ${page.url}`);
    }
    const missing = await browser.get('/cases/not-a-uuid');
    expect(missing.status).toBeGreaterThanOrEqual(400);
    expect(missing.status).toBeLessThan(500);
    expectSecurityHeaders(missing, 'back-office missing case');
    expectNothingAboutTheSoftware(missing, 'back-office missing case');
    // A malformed URL and a body that is not what it says it is: refused without internals.
    const malformed = await browser.get('/%E0%A4%A');
    expect(malformed.status).toBeLessThan(500);
    expectSecurityHeaders(malformed, 'back-office malformed URL');
    expectNothingAboutTheSoftware(malformed, 'back-office malformed URL');
    // Signed out (a signed-in person is sent on from the sign-in page), with the sign-in form's cookies.
    const visitor = new Browser(host.backofficeUrl);
    const page = await visitor.get('/sign-in');
    const garbage = await visitor.request('/sign-in', {
      method: 'POST',
      headers: { origin: host.backofficeUrl, 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nbroken',
    });
    expect(page.status).toBe(200);
    expect(garbage.status).toBeLessThan(500);
    expectSecurityHeaders(garbage, 'back-office malformed form');
    expectNothingAboutTheSoftware(garbage, 'back-office malformed form');
  });

  it('a fresh nonce on every response', async () => {
    const browser = new Browser(host.portalUrl);
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i += 1)
      nonces.add(/'nonce-([^']+)'/.exec((await browser.get('/')).headers.get('content-security-policy') ?? '')![1]!);
    expect(nonces.size).toBe(5);
  });
});

describe('CSRF: every form of both apps refuses a post from another site or without its token', () => {
  for (const app of ['portal', 'backoffice'] as const) {
    it(`the ${app}`, async () => {
      const origin = app === 'portal' ? host.portalUrl : host.backofficeUrl;
      const browser = new Browser(origin);
      if (app === 'backoffice') await signIn(browser, DEMO_ACCOUNTS.officer);
      const { forms } = await crawl(browser, 30);
      // The sign-in forms at least; the crawl finds the others as the apps grow.
      if (app === 'backoffice') forms.push({ action: '/sign-out', from: await browser.get('/sign-out') });
      expect(forms.length).toBeGreaterThan(0);
      for (const { action, from } of forms) {
        const fromElsewhere = await browser.post(action, {}, { from, origin: 'https://evil.example' });
        expect(fromElsewhere.status, `${app} ${action} from another origin`).toBe(403);
        const noOrigin = await browser.post(action, {}, { from, origin: null });
        expect(noOrigin.status, `${app} ${action} with neither Origin nor Referer`).toBe(403);
        const noToken = await browser.post(action, {}, { csrf: null });
        expect(noToken.status, `${app} ${action} without the token`).toBe(403);
        const wrongToken = await browser.post(action, {}, { csrf: 'A'.repeat(43) });
        expect(wrongToken.status, `${app} ${action} with another token`).toBe(403);
      }
      // A stranger's browser (its own token and cookie) cannot post into this one's session either.
      const stranger = new Browser(origin);
      const strangerPage = await stranger.get(app === 'portal' ? '/' : '/sign-in');
      const strangerToken = /name="csrf"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf"/.exec(strangerPage.html);
      if (strangerToken) {
        const crossed = await browser.post(forms[0]!.action, {}, { csrf: strangerToken[1] ?? strangerToken[2]! });
        expect(crossed.status).toBe(403);
      }
    });
  }

  it('accepts the same form from this site with its token (the refusals above are not a broken form)', async () => {
    const browser = new Browser(host.backofficeUrl);
    const first = await postPassword(browser, DEMO_ACCOUNTS.managerSend, 'a wrong password');
    expect(first.status).toBe(400);
    expect(first.html).toContain('govuk-error-summary');
  });
});

describe('staff sessions over HTTP', () => {
  it('a token planted before sign-in is worthless after it: a new token at each step (no fixation)', async () => {
    const browser = new Browser(host.backofficeUrl);
    browser.cookies.set('heard_session', 'planted-by-an-attacker-0123456789abcdef');
    const afterPassword = await postPassword(browser, DEMO_ACCOUNTS.managerCsc);
    expect(afterPassword.status).toBe(302);
    const pending = browser.cookies.get('heard_session');
    expect(pending).toBeDefined();
    expect(pending).not.toBe('planted-by-an-attacker-0123456789abcdef');
    const afterCode = await postCode(browser, await currentTotpCode('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', new Date()));
    expect(afterCode.status).toBe(302);
    const active = browser.cookies.get('heard_session');
    expect(active).not.toBe(pending);
    // The pending token (which an attacker could have watched being set) opens nothing now.
    const attacker = new Browser(host.backofficeUrl);
    attacker.cookies.set('heard_session', pending!);
    const home = await attacker.get('/');
    expect(home.status).toBe(302);
    expect(home.location).toMatch(/\/sign-in/);
  });

  it('cookies: HttpOnly and SameSite; Secure behind HTTPS', async () => {
    const browser = new Browser(host.backofficeUrl);
    const page = await browser.get('/sign-in', { headers: { 'x-forwarded-proto': 'https' } });
    const csrfCookie = page.headers.getSetCookie().find((c) => c.startsWith('heard_csrf='));
    expect(csrfCookie).toMatch(/HttpOnly/i);
    expect(csrfCookie).toMatch(/SameSite=(Lax|Strict)/i);
    expect(csrfCookie).toMatch(/Secure/i);
    const token = /name="csrf"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf"/.exec(page.html);
    const signedIn = await browser.request('/sign-in', {
      method: 'POST',
      headers: { origin: host.backofficeUrl, 'x-forwarded-proto': 'https', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        csrf: token![1] ?? token![2]!,
        email: DEMO_ACCOUNTS.investigator,
        password: 'heard-demo-password',
        returnTo: '/',
      }).toString(),
    });
    const sessionCookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('heard_session='));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=(Lax|Strict)/i);
    expect(sessionCookie).toMatch(/Secure/i);
    expect(sessionCookie).not.toMatch(/Max-Age=\d{6,}|Expires=/i);
  });

  it('sign-out ends the session on the server: a copy of the cookie opens nothing afterwards', async () => {
    const browser = new Browser(host.backofficeUrl);
    await signIn(browser, DEMO_ACCOUNTS.panel);
    expect((await browser.get('/')).status).toBe(200);
    const copied = browser.cookies.get('heard_session')!;
    const form = await browser.get('/sign-out');
    const out = await browser.post('/sign-out', {}, { from: form });
    expect(out.status).toBe(302);
    expect(browser.cookies.has('heard_session')).toBe(false);
    const thief = new Browser(host.backofficeUrl);
    thief.cookies.set('heard_session', copied);
    const home = await thief.get('/');
    expect(home.status).toBe(302);
    expect(home.location).toMatch(/\/sign-in/);
  });

  it('never sends a person to another site after signing in (no open redirect)', async () => {
    for (const [account, returnTo] of [
      [DEMO_ACCOUNTS.independent, '//evil.example/'],
      [DEMO_ACCOUNTS.admin, '/\\evil.example/'],
      [DEMO_ACCOUNTS.managerSend, 'https://evil.example/'],
    ] as const) {
      const browser = new Browser(host.backofficeUrl);
      const first = await postPassword(browser, account, 'heard-demo-password', returnTo);
      expect(first.status).toBe(302);
      const done = await postCode(browser, await currentTotpCode('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', new Date()), returnTo);
      // (Each demo account signs in once in this file: a TOTP code is refused if replayed within its step.)
      expect(done.status, `returnTo ${returnTo}`).toBe(302);
      // Browsers read a backslash as a slash: the location must be a path on this site.
      const location = done.headers.get('location') ?? '';
      expect(location, `returnTo ${returnTo}`).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, host.backofficeUrl.replace(/\/?$/, '/')).origin).toBe(host.backofficeUrl);
    }
  });
});
