import { addCalendarDays, computeDeadline, formatDate, rulesForCase, toUkDate, type CaseClockFacts, type ClockKind } from '@heard/domain';
import type { Page } from '@playwright/test';
import { expect, expectAccessible } from '../fixtures';

export const today = () => toUkDate(new Date());

/** A deadline from @heard/domain (never worked out here), written out as the page writes it. */
export function dueText(facts: CaseClockFacts, kind: ClockKind = 'response', language: 'en' | 'cy' = 'en'): string {
  const deadline = computeDeadline(facts, kind, rulesForCase({ receivedOn: facts.receivedOn }));
  if (deadline.status !== 'due') throw new Error(`expected a due date, got ${deadline.status}`);
  return formatDate(deadline.dueOn, language, { weekday: false });
}

export function isoInDays(days: number): string {
  return addCalendarDays(today(), days);
}

export async function fillDate(page: Page, name: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await page.locator(`[name="${name}-day"]`).fill(String(Number(day)));
  await page.locator(`[name="${name}-month"]`).fill(String(Number(month)));
  await page.locator(`[name="${name}-year"]`).fill(year ?? '');
}

const checked = new Set<string>();

/** Axe on a kind of page the first time the test meets it (each page is checked; repeats are not, to keep the run short). */
export async function checkOnce(page: Page, kind: string): Promise<void> {
  if (checked.has(kind)) return;
  checked.add(kind);
  await expectAccessible(page, kind);
}

/** Opens a case action's form (`/cases/:id/:action`), checks it with axe the first time, and returns. */
export async function openAction(page: Page, caseUrl: string, action: string, title: string): Promise<void> {
  await page.goto(`${caseUrl}/${action}`);
  await expect(page.locator('h1')).toHaveText(title);
  await checkOnce(page, `action: ${action}`);
}

/** Submits an action form and expects to be back on the case page with its banner. */
export async function submitAction(page: Page, button: string, done: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText(done);
}

/** The case page's path (without its query). */
export function casePath(page: Page): string {
  return new URL(page.url()).pathname;
}

export async function expectRefusal(page: Page, message: string | RegExp): Promise<void> {
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText(message);
  await expect(page).toHaveTitle(/^Error:/);
  await checkOnce(page, 'a form with a refusal');
}
