import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_TOTP_SECRET } from '@heard/db/demo';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { generate } from 'otplib';

export { expect };
export { expectAccessible, keepScreenshot, LANGUAGES } from '../../../tests/playwright/axe';

type Role = (typeof DEMO_STAFF)[number]['role'];

export type StaffAccount = { email: string; password: string; secret: string };

/**
 * Where the 30-second step of each account's last code is kept: a file, not
 * a variable, because the same server sees sign-ins from more than one test
 * process (Playwright starts a new worker after a failed test, and the
 * portal's tests sign staff in too). One file per back-office port, so runs
 * on other ports do not wait for each other; steps are absolute times, so a
 * record left by an earlier run is simply in the past.
 */
const TOTP_STEPS_FILE = path.join(tmpdir(), `heard-e2e-totp-steps-${process.env.E2E_BACKOFFICE_PORT ?? 4301}.json`);
const TOTP_STEP_MS = 30_000;

function lastStepsUsed(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(TOTP_STEPS_FILE, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * The one rule for authenticator codes in the browser tests. The back-office
 * accepts each code once per account (replay protection) and counts a
 * refused one towards locking the account, so a second sign-in in the same
 * 30 seconds waits for the next code rather than sending the used one.
 */
export async function nextTotpCode(page: Page, account: Pick<StaffAccount, 'email' | 'secret'>): Promise<string> {
  const last = lastStepsUsed()[account.email];
  if (last !== undefined && Math.floor(Date.now() / TOTP_STEP_MS) <= last)
    await page.waitForTimeout((last + 1) * TOTP_STEP_MS - Date.now() + 250);
  const now = Date.now();
  writeFileSync(TOTP_STEPS_FILE, JSON.stringify({ ...lastStepsUsed(), [account.email]: Math.floor(now / TOTP_STEP_MS) }));
  return generate({ secret: account.secret, epoch: Math.floor(now / 1000) });
}

/**
 * Where each account's signed-in session is kept between tests, beside the
 * TOTP steps and for the same reason (more than one test process). A code is
 * accepted once per account and 30 seconds, so signing the same account in
 * again within that time means waiting for the next code: measured, that was
 * minutes of idle waiting per run. A test that needs an account signed in
 * reuses its session while the server still honours it; the sign-in pages
 * themselves are tested with `fresh` sign-ins.
 */
const SESSIONS_FILE = path.join(tmpdir(), `heard-e2e-sessions-${process.env.E2E_BACKOFFICE_PORT ?? 4301}.json`);
const SESSION_COOKIE = 'heard_session';

type SavedCookie = Awaited<ReturnType<ReturnType<Page['context']>['cookies']>>[number];

function savedSessions(): Record<string, SavedCookie> {
  try {
    return JSON.parse(readFileSync(SESSIONS_FILE, 'utf8')) as Record<string, SavedCookie>;
  } catch {
    return {};
  }
}

/** Puts the account's saved session in the page's context; true when the back-office still honours it. */
async function resumeSession(page: Page, email: string): Promise<boolean> {
  const saved = savedSessions()[email];
  if (!saved) return false;
  await page.context().addCookies([saved]);
  await page.goto('/?lang=en');
  if (!/\/sign-in/.test(new URL(page.url()).pathname)) return true;
  await page.context().clearCookies({ name: SESSION_COOKIE });
  return false;
}

/**
 * Signs in with any account: email and password, then the TOTP code, through
 * the real pages. Unless `fresh` is asked for, a session this account signed
 * in earlier in the run is reused when it is still valid. The page's base
 * address must be the back-office's.
 */
export async function signInWith(page: Page, account: StaffAccount, options: { fresh?: boolean } = {}): Promise<void> {
  if (!options.fresh && (await resumeSession(page, account.email))) return;
  await page.goto('/sign-in?lang=en');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/sign-in\/code/);
  await page.getByLabel('Enter the code from your authenticator app').fill(await nextTotpCode(page, account));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  const session = (await page.context().cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
  if (session) writeFileSync(SESSIONS_FILE, JSON.stringify({ ...savedSessions(), [account.email]: session }));
}

/** Signs in as a demo account: the first with the role, or the one with this email. */
export async function signIn(page: Page, role: Role, email?: string, options: { fresh?: boolean } = {}): Promise<void> {
  const person = DEMO_STAFF.find((p) => (email ? p.email === email : p.role === role));
  if (!person) throw new Error(`no demo account has the role ${role}`);
  await signInWith(page, { email: person.email, password: DEMO_PASSWORD, secret: DEMO_TOTP_SECRET }, options);
}

/** A page of its own (own cookies) signed in as a demo account: several people work on one case side by side. */
export async function personPage(browser: Browser, role: Role, email?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, role, email);
  return page;
}

export const test = base.extend<{ signIn: (role: Role) => Promise<void> }>({
  signIn: async ({ page }, use) => {
    await use((role) => signIn(page, role));
  },
});
