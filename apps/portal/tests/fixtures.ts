import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '@heard/db/demo';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { signInWith } from '../../backoffice/tests/fixtures';
import { expectAccessible, keepScreenshot } from '../../../tests/playwright/axe';

export { expect, test };
export { expectAccessible, keepScreenshot, LANGUAGES } from '../../../tests/playwright/axe';

export type Language = 'en' | 'cy';

/** A unique address per test run, so each test finds its own messages in the mailbox. */
export function uniqueEmail(name: string): string {
  return `${name}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}@example.com`;
}

export type MailboxMessage = { recipient: string; template: string; payload: Record<string, unknown> };

/**
 * The outbox as the development mailbox shows it (HEARD_DEV_MAILBOX=1 in
 * playwright.config.ts): the messages a test's person would have received.
 */
export async function readMailbox(page: Page, filter: { recipient?: string; template?: string } = {}): Promise<MailboxMessage[]> {
  const mailbox = await page.context().newPage();
  try {
    await mailbox.goto('/dev/mailbox');
    const rows = await mailbox.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        recipient: tr.querySelector('[data-testid=recipient]')?.textContent ?? '',
        template: tr.querySelector('[data-testid=template]')?.textContent ?? '',
        payload: JSON.parse(tr.querySelector('[data-testid=payload]')?.textContent ?? '{}') as Record<string, unknown>,
      })),
    );
    return rows.filter((m) => (!filter.recipient || m.recipient === filter.recipient) && (!filter.template || m.template === filter.template));
  } finally {
    await mailbox.close();
  }
}

/** The newest message of a template to a recipient. */
export async function latestMessage(page: Page, recipient: string, template: string): Promise<MailboxMessage> {
  const messages = await readMailbox(page, { recipient, template });
  expect(messages.length, `a ${template} message to ${recipient}`).toBeGreaterThan(0);
  return messages[0]!;
}

/** The Continue button of a question page, in either language. */
export function continueButton(page: Page): Locator {
  return page.getByRole('button', { name: /^(Continue|Parhau)$/ });
}

/** A form field by its name (ids and names are the answer's path, e.g. `contact.email`). */
export function field(page: Page, name: string): Locator {
  return page.locator(`[name="${name}"]`);
}

export function radio(page: Page, name: string, value: string): Locator {
  return page.locator(`input[type=radio][name="${name}"][value="${value}"]`);
}

export async function fillDate(page: Page, path: string, day: string, month: string, year: string): Promise<void> {
  await field(page, `${path}.day`).fill(day);
  await field(page, `${path}.month`).fill(month);
  await field(page, `${path}.year`).fill(year);
}

/**
 * Checks a page is accessible and keeps its screenshot, named by the
 * journey, page, state and language.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await keepScreenshot(page, name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase());
}

/** Expects the GOV.UK error state: the summary, focused when JavaScript runs, and a title starting "Error:" / "Gwall:". */
export async function expectErrors(page: Page, language: Language, messages: Array<string | RegExp>, options: { javaScript?: boolean } = {}): Promise<void> {
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeVisible();
  for (const message of messages) await expect(summary).toContainText(message);
  if (options.javaScript !== false) await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(language === 'cy' ? /^Gwall:/ : /^Error:/);
}

/**
 * Moves the keyboard focus forward with Tab until the element has it (a
 * keyboard user's only way through a page), failing if it never does.
 */
export async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('the element could not be reached with the Tab key');
}

/** The reference shown on a confirmation panel. */
export async function confirmationReference(page: Page): Promise<string> {
  const reference = (await page.getByTestId('reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^CYP-\d{2}-[2-9A-Z]{5}$/);
  return reference;
}

/**
 * A complaint sent through the pages as quickly as a person could (no
 * checks on the way): for tests whose subject is what happens afterwards.
 */
export async function sendComplaint(page: Page, email: string, options: { language?: Language } = {}): Promise<string> {
  const language = options.language ?? 'en';
  const next = async (url: RegExp) => {
    await continueButton(page).click();
    await expect(page).toHaveURL(url);
  };
  await page.goto(`/complaint?lang=${language}`);
  await radio(page, 'role', 'parent').check();
  await next(/\/child$/);
  await field(page, 'child.fullName').fill('Alex Jones');
  await next(/\/situation$/);
  await radio(page, 'child.situation', 'looked_after').check();
  await next(/\/service$/);
  await page.locator('input[name=service]').first().check();
  await next(/\/what-happened$/);
  await field(page, 'whatHappened').fill('Contact visits were cancelled three times.');
  await next(/\/when$/);
  await fillDate(page, 'matterOn', '2', '11', '2026');
  await next(/\/proceedings$/);
  await radio(page, 'courtOrTribunalProceedings', 'no').check();
  await next(/\/outcome$/);
  await field(page, 'desiredOutcome').fill('A plan we can rely on.');
  await next(/\/contact$/);
  await field(page, 'contact.fullName').fill('Sam Jones');
  await field(page, 'contact.email').fill(email);
  await radio(page, 'contact.contactPreference', 'email').check();
  await radio(page, 'contact.language', language).check();
  await next(/\/adjustments$/);
  await radio(page, 'needsAdjustments', 'no').check();
  await next(/\/files$/);
  await next(/\/check$/);
  await page.locator('form#submit button').click();
  await expect(page).toHaveURL(/\/complaint\/confirmation$/);
  return confirmationReference(page);
}

/** Opens a case by code, as the person does: reference and email, then the code from the mailbox. */
export async function openCaseByCode(page: Page, reference: string, email: string): Promise<void> {
  await page.goto('/track');
  await field(page, 'reference').fill(reference);
  await field(page, 'email').fill(email);
  await page.locator('main form button').click();
  await expect(page).toHaveURL(/\/track\/code/);
  await field(page, 'code').fill(String((await latestMessage(page, email, 'tracking_code')).payload.code));
  await page.locator('main form button').click();
  await expect(page).toHaveURL(/\/track\/case$/);
}

const BACKOFFICE = `http://127.0.0.1:${process.env.E2E_BACKOFFICE_PORT ?? 4301}`;

/**
 * What staff do in the back-office (served beside the portal by the same
 * host and database): the complaints officer records the complaint's points
 * with their findings and records the response as sent.
 */
export async function respondInBackOffice(browser: Browser, reference: string): Promise<void> {
  const context = await browser.newContext({ baseURL: BACKOFFICE });
  const staff = await context.newPage();
  try {
    await signInWith(staff, { email: 'officer@demo.heard.test', password: DEMO_PASSWORD, secret: DEMO_TOTP_SECRET });
    await staff.goto(`/find?reference=${encodeURIComponent(reference)}`);
    await expect(staff).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    const casePath = new URL(staff.url()).pathname;
    await staff.goto(`${casePath}/points`);
    await staff.getByLabel('Add a point').fill('Contact visits were cancelled');
    await staff.getByRole('button', { name: 'Save the points', exact: true }).click();
    await expect(staff.locator('.govuk-notification-banner')).toBeVisible();
    await staff.goto(`${casePath}/points`);
    await staff.getByRole('group', { name: 'Finding on point 1' }).getByLabel('Upheld', { exact: true }).check();
    await staff.getByRole('button', { name: 'Save the points', exact: true }).click();
    await expect(staff.locator('.govuk-notification-banner')).toBeVisible();
    await staff.goto(`${casePath}/respond`);
    await staff.getByLabel('Template', { exact: true }).selectOption({ label: 'Response' });
    await staff.getByRole('button', { name: 'Record the response as sent', exact: true }).click();
    await expect(staff.locator('.govuk-notification-banner')).toContainText('The response has been recorded');
  } finally {
    await context.close();
  }
}
