import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCouncil, createStaffUser, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSessionToken } from '../../auth/sessions';
import { clearedSessionCookie, sessionCookie } from '../../session-cookie';
import { makeCallers, refusal, signInAs } from '../staff/casework/test-kit';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider,
 * started here on 127.0.0.1 on a free port), driven over HTTP as a browser
 * would: the authorisation request, the provider's own login and consent
 * pages, and the redirect back with a code, which openid-client exchanges
 * with PKCE, state and nonce checked.
 */
let database: TestDatabase;
let server: Server;
let issuer: string;
let council: { id: string; host: string };
let admin: string;
let officer: { id: string; email: string };
const clock = () => new Date();
let callers: ReturnType<typeof makeCallers>;
const HOST = 'sso.example';
const REDIRECT = `http://${HOST}/sign-in/sso/callback`;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'heard-backoffice', client_secret: 'a client secret of the council', redirect_uris: [REDIRECT], grant_types: ['authorization_code'], response_types: ['code'] }],
    // The provider's accounts: the login name is the subject and the (verified) email.
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub, email: sub, email_verified: true }) }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['a test cookie signing key'] },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());

  database = await createTestDatabase();
  const created = await createCouncil(database, { slug: 'sso-council', hostnames: [HOST] });
  council = { id: created.id, host: HOST };
  admin = (await createStaffUser(database, council.id, { roles: ['administrator'] })).id;
  officer = await createStaffUser(database, council.id, { roles: ['complaints_officer'], email: 'officer@sso.example' });
  callers = makeCallers(database, clock);
});
afterAll(async () => {
  await database.destroy();
  await new Promise((resolve) => server.close(resolve));
});

/** A browser's cookie jar for the provider, and manual redirects. */
function browser() {
  const jar = new Map<string, string>();
  return async function request(url: string, init: { method?: string; body?: string } = {}): Promise<Response> {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.body ? { body: init.body } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name.trim(), value.join('='));
    }
    return response;
  };
}

/** Signs in at the provider as `login` and returns where it sends the browser back. */
async function authorise(authorisationUrl: string, login: string): Promise<string> {
  const request = browser();
  let response = await request(authorisationUrl);
  for (let hop = 0; hop < 10; hop += 1) {
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${response.status}: ${await response.text()}`);
    const next = new URL(location, issuer).href;
    if (next.startsWith(REDIRECT)) return next;
    response = await request(next);
    const interaction = /\/interaction\/([^/?]+)$/.exec(new URL(next).pathname);
    if (interaction && response.status === 200) {
      const page = await response.text();
      const prompt = page.includes('name="login"') ? 'login' : 'consent';
      const body = prompt === 'login' ? new URLSearchParams({ prompt, login, password: 'any' }) : new URLSearchParams({ prompt });
      response = await request(next, { method: 'POST', body: body.toString() });
    }
  }
  throw new Error('too many redirects at the provider');
}

async function startSignIn(token: string | null = null) {
  const caller = await callers.as(council, token);
  return caller.auth.oidc.start({ redirectUri: REDIRECT, returnTo: '/tracker' });
}

describe('single sign-on by OpenID Connect', () => {
  it('is off until the council switches it on', async () => {
    expect(await (await callers.as(council, null)).auth.oidc.available()).toEqual({ enabled: false });
    expect(await refusal(startSignIn())).toMatchObject({ status: 422, messageKey: 'casework.sso.errors.off' });
    // Only an administrator may switch it on; an issuer must be https unless it is on this machine.
    expect(await refusal((await callers.asUser(council, officer.id)).staff.admin.sso.save({ enabled: true, issuer, clientId: 'heard-backoffice' }))).toMatchObject({ status: 403 });
    const plainHttp = await refusal((await callers.asUser(council, admin)).staff.admin.sso.save({ enabled: true, issuer: 'http://login.example.gov.uk', clientId: 'x' }));
    expect(plainHttp).toMatchObject({ status: 400, fieldErrors: { issuer: 'casework.errors.issuerHttps' } });
    await (await callers.asUser(council, admin)).staff.admin.sso.save({ enabled: true, issuer, clientId: 'heard-backoffice', clientSecret: 'a client secret of the council' });
    expect(await (await callers.as(council, null)).auth.oidc.available()).toEqual({ enabled: true });
    expect(await (await callers.asUser(council, admin)).staff.admin.sso.get()).toEqual({ enabled: true, issuer, clientId: 'heard-backoffice', hasSecret: true });
  });

  it('signs a staff member in through the provider, with a fresh session, and links their subject', async () => {
    // A session planted before sign-in (fixation) must not survive it.
    const planted = await signInAs(database, council.id, officer.id, new Date());
    const started = await startSignIn(planted);
    const url = new URL(started.url);
    expect(url.origin).toBe(issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBe(started.state);
    expect(url.searchParams.get('nonce')).toBeTruthy();
    const callbackUrl = await authorise(started.url, 'officer@sso.example');
    const signedIn = await (await callers.as(council, planted)).auth.oidc.callback({ callbackUrl, stateCookie: started.state });
    expect(signedIn.returnTo).toBe('/tracker');
    expect(signedIn.token).not.toBe(planted);
    expect(await (await callers.as(council, planted)).auth.whoami()).toBeNull();
    expect(await (await callers.as(council, signedIn.token)).auth.whoami()).toMatchObject({ kind: 'staff', pendingSecondFactor: false, roles: ['complaints_officer'] });
    await (await callers.as(council, signedIn.token)).staff.dashboard.summary();
    const user = await database.db.selectFrom('users').select('oidc_subject').where('id', '=', officer.id).executeTakeFirstOrThrow();
    expect(user.oidc_subject).toBe('officer@sso.example');
    const audit = await database.db.selectFrom('audit_log').select(['action', 'detail', 'actor_user_id']).where('action', '=', 'sign_in').execute();
    expect(audit).toEqual([{ action: 'sign_in', detail: 'oidc', actor_user_id: officer.id }]);
    const session = await database.db.selectFrom('sessions').select(['kind', 'state']).where('token_hash', '=', hashSessionToken(signedIn.token)).executeTakeFirstOrThrow();
    expect(session).toEqual({ kind: 'staff', state: 'active' });
    // The code and the state were for one use.
    expect(await refusal((await callers.as(council, null)).auth.oidc.callback({ callbackUrl, stateCookie: started.state }))).toMatchObject({ messageKey: 'casework.sso.errors.expired' });
  });

  it('refuses a callback in a browser that did not start the sign-in (state cookie), and audits it', async () => {
    const started = await startSignIn();
    const callbackUrl = await authorise(started.url, 'officer@sso.example');
    const refused = await refusal((await callers.as(council, null)).auth.oidc.callback({ callbackUrl, stateCookie: 'another browser' }));
    expect(refused).toMatchObject({ status: 400, messageKey: 'casework.sso.errors.failed' });
    const failed = await database.db.selectFrom('audit_log').select('detail').where('action', '=', 'sign_in_failed').execute();
    expect(failed.map((f) => f.detail)).toContain('oidc: state does not match this browser');
  });

  it('refuses a code that the provider did not issue', async () => {
    const started = await startSignIn();
    const forged = `${REDIRECT}?code=forged-code&state=${started.state}&iss=${encodeURIComponent(issuer)}`;
    expect(await refusal((await callers.as(council, null)).auth.oidc.callback({ callbackUrl: forged, stateCookie: started.state }))).toMatchObject({ messageKey: 'casework.sso.errors.failed' });
  });

  it('refuses someone the provider knows but who has no staff account here', async () => {
    const started = await startSignIn();
    const callbackUrl = await authorise(started.url, 'stranger@elsewhere.example');
    expect(await refusal((await callers.as(council, null)).auth.oidc.callback({ callbackUrl, stateCookie: started.state }))).toMatchObject({ messageKey: 'casework.sso.errors.noAccount' });
    const sessions = await database.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', 'is', null).executeTakeFirstOrThrow();
    expect(Number(sessions.n)).toBe(0);
  });

  it('sets the session cookie HttpOnly and SameSite, and Secure over HTTPS', () => {
    expect(sessionCookie('t0ken', { secure: true })).toBe('heard_session=t0ken; Path=/; HttpOnly; SameSite=Lax; Secure');
    expect(sessionCookie('t0ken', { secure: false })).toBe('heard_session=t0ken; Path=/; HttpOnly; SameSite=Lax');
    expect(clearedSessionCookie({ secure: true })).toContain('Max-Age=0');
  });
});
