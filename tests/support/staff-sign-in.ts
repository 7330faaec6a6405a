/**
 * Signing in to the real back-office as a demo council staff member, through
 * its pages: the password, then the TOTP code from the published demo secret.
 */
import { currentTotpCode } from '@heard/api/server';
import { expect } from 'vitest';
import type { Browser, Page } from './browser';

export const DEMO_PASSWORD = 'heard-demo-password';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** Each account may sign in once per 30-second TOTP step (replays are refused): the tests share them out. */
export const DEMO_ACCOUNTS = {
  officer: 'officer@demo.heard.test',
  managerSend: 'manager.send@demo.heard.test',
  managerCsc: 'manager.csc@demo.heard.test',
  investigator: 'investigator@demo.heard.test',
  independent: 'independent@demo.heard.test',
  panel: 'panel@demo.heard.test',
  dmt: 'dmt@demo.heard.test',
  admin: 'admin@demo.heard.test',
} as const;

export async function postPassword(browser: Browser, email: string, password = DEMO_PASSWORD, returnTo = '/'): Promise<Page> {
  const page = await browser.get(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  expect(page.status).toBe(200);
  return browser.post('/sign-in', { email, password, returnTo }, { from: page });
}

export async function postCode(browser: Browser, code: string, returnTo = '/'): Promise<Page> {
  const page = await browser.get(`/sign-in/code?returnTo=${encodeURIComponent(returnTo)}`);
  expect(page.status).toBe(200);
  return browser.post('/sign-in/code', { code, returnTo }, { from: page });
}

/** Signs in fully; returns the final redirect (to `returnTo`). */
export async function signIn(browser: Browser, email: string, returnTo = '/'): Promise<Page> {
  const first = await postPassword(browser, email, DEMO_PASSWORD, returnTo);
  expect(first.status, first.html.slice(0, 500)).toBe(302);
  return postCode(browser, await currentTotpCode(DEMO_TOTP_SECRET, new Date()), returnTo);
}
