import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { toUkDate } from '@heard/domain';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, keepScreenshot, test } from '../fixtures';

/**
 * "Sent messages" and subject access, as staff use them, in English and
 * Welsh with axe on every page and state: the outbox (the demo council's
 * acknowledgements, written out by the worker inside the host and kept,
 * since no email service is set up), a filter, a filter matching nothing, a
 * filter that is not one of the choices, one message; then a search with
 * mistakes, one finding nothing, and one finding a person the test entered,
 * whose records download as a zip. Roles without the permissions see
 * neither link and are refused both pages.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

async function signedIn(
  page: Page,
  signIn: (role: 'complaints_officer' | 'management_viewer' | 'administrator') => Promise<void>,
  role: 'complaints_officer' | 'management_viewer' | 'administrator',
) {
  await signIn(role);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

const nav = (page: Page) => page.locator('nav.govuk-header__navigation');

test('a complaints officer reads the sent messages: the list, filters, a wrong filter and one message (en, cy)', async ({
  page,
  signIn,
}) => {
  await signedIn(page, signIn, 'complaints_officer');
  await page.goto('/?lang=en');
  await nav(page).getByRole('link', { name: 'Sent messages' }).click();
  await expect(page).toHaveURL(/\/messages$/);
  await expect(page.locator('h1')).toHaveText('Sent messages');
  // The worker inside the host writes the demo council's acknowledgements out and keeps them (no email service).
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('link', { name: /^Acknowledgement to / }).first()).toBeVisible();
    expect(Number(await page.getByTestId('count-held').textContent())).toBeGreaterThanOrEqual(10);
  }).toPass({ timeout: 60_000 });
  await expectAccessible(page, 'sent messages');
  await keepScreenshot(page, 'backoffice-messages-en');

  await page.getByLabel('Status', { exact: true }).selectOption('held');
  await page.getByLabel('Sent by').selectOption('email');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/messages\?status=held&channel=email$/);
  const statuses = await page.locator('tbody .govuk-tag').allTextContents();
  expect(statuses.length).toBeGreaterThanOrEqual(10);
  expect(new Set(statuses)).toEqual(new Set(['Kept, not sent']));
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('held');
  await expectAccessible(page, 'sent messages, filtered');

  await page.getByLabel('Sent by').selectOption('sms');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('no-messages')).toHaveText('No messages match these filters.');
  await expectAccessible(page, 'sent messages, none match');

  await page.goto('/messages?status=lost&channel=email');
  await expect(page.locator('.govuk-error-summary')).toContainText('Choose a status from the list');
  await expect(page.locator('#status-error')).toContainText('Choose a status from the list');
  await expect(page.getByRole('link', { name: /^Acknowledgement to / }).first()).toBeVisible();
  await expectAccessible(page, 'sent messages, a filter that is not a choice');

  await page.goto('/messages?status=held');
  const first = page.getByRole('link', { name: /^Acknowledgement to / }).first();
  const recipient = ((await first.textContent()) ?? '').match(/to (\S+@\S+?),/)?.[1];
  expect(recipient).toMatch(/@example\.com$/);
  await first.click();
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  await expect(page.locator('h1')).toHaveText('Acknowledgement');
  await expect(page.locator('.govuk-caption-l')).toHaveText(`Message to ${recipient}`);
  await expect(page.locator('.govuk-summary-list')).toContainText('Kept, not sent');
  await expect(page.getByTestId('status-hint')).toHaveText(/No email or text message service is set up/);
  await expect(page.getByTestId('attempts')).toHaveText('1');
  await expect(page.getByTestId('last-error')).toHaveText('None');
  // The words as they would have gone, in the person's language.
  await expect(page.getByTestId('message-content')).toContainText(/Your reference is CYP-|Eich cyfeirnod yw CYP-/);
  await expectAccessible(page, 'one message');
  await keepScreenshot(page, 'backoffice-message-en');
  const messageUrl = new URL(page.url()).pathname;

  await page.goto('/messages?lang=cy');
  await expect(page.locator('h1')).toHaveText('Negeseuon a anfonwyd');
  await expect(nav(page).getByRole('link', { name: 'Negeseuon a anfonwyd' })).toBeVisible();
  await expectAccessible(page, 'sent messages, cy');
  await keepScreenshot(page, 'backoffice-messages-cy');
  await page.goto('/messages?status=lost');
  await expect(page.locator('.govuk-error-summary')).toContainText('Dewiswch statws o’r rhestr');
  await expectAccessible(page, 'sent messages, a wrong filter, cy');
  await page.goto(messageUrl);
  await expect(page.locator('h1')).toHaveText('Cydnabyddiaeth');
  await expect(page.locator('.govuk-summary-list')).toContainText('Wedi’i chadw, heb ei hanfon');
  await expectAccessible(page, 'one message, cy');
  await page.goto('/messages/00000000-0000-4000-8000-000000000000?lang=en');
  await expect(page.locator('h1')).toHaveText('Page not found');
});

test('roles without the permissions see neither link and are refused both pages', async ({ page, signIn }) => {
  await signedIn(page, signIn, 'management_viewer');
  await page.goto('/?lang=en');
  await expect(nav(page).getByRole('link', { name: 'Sign out' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Sent messages' })).toHaveCount(0);
  await expect(nav(page).getByRole('link', { name: 'Subject access' })).toHaveCount(0);
  for (const path of ['/messages', '/subject-access']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.locator('h1')).toHaveText('You cannot see this page');
    await expectAccessible(page, `${path} refused`);
  }
});

test('subject access: mistakes, nobody found, then a person found and their records downloaded as a zip (en, cy)', async ({
  page,
  signIn,
}) => {
  await signedIn(page, signIn, 'complaints_officer');
  // A person the test enters, by phone, in Welsh: the export's covering note will be in Welsh.
  const email = `sam.${randomBytes(4).toString('hex')}@example.com`;
  await page.goto('/cases/new?lang=en');
  await page.locator('input[name=type][value=corporate_complaint]').check();
  await page.locator('input[name=channel][value=phone]').check();
  const [year, month, day] = toUkDate(new Date()).split('-');
  await page.locator('[name="receivedOn-day"]').fill(String(Number(day)));
  await page.locator('[name="receivedOn-month"]').fill(String(Number(month)));
  await page.locator('[name="receivedOn-year"]').fill(year!);
  await page.locator('#summary').fill('School transport did not arrive');
  await page.locator('#details').fill('The bus did not come for a week.');
  await page.locator('#name').fill('Sam Prawf');
  await page.locator('#email').fill(email);
  await page.locator('input[name=contactPreference][value=email]').check();
  await page.locator('input[name=language][value=cy]').check();
  await page.getByRole('button', { name: 'Enter the case' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}\?done=create$/);
  const reference = ((await page.locator('.govuk-caption-l').first().textContent()) ?? '').match(/CYP-[A-Z0-9-]+/)?.[0];
  expect(reference).toBeTruthy();

  await page.goto('/?lang=en');
  await nav(page).getByRole('link', { name: 'Subject access' }).click();
  await expect(page.locator('h1')).toHaveText('Subject access request');
  await expectAccessible(page, 'subject access');
  await keepScreenshot(page, 'backoffice-subject-access-en');

  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'Enter an email address, a phone number, or a full name and date of birth',
  );
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Error:/);
  await expectAccessible(page, 'subject access, nothing entered');

  await page.locator('#name').fill('Sam Prawf');
  await page.locator('#phone').fill('12345');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('.govuk-error-summary li')).toHaveText([
    'Enter a UK phone number, like 01632 960 001 or 07700 900 982',
    'Enter their date of birth to search by name',
  ]);
  await expect(page.locator('#name')).toHaveValue('Sam Prawf');
  await expectAccessible(page, 'subject access, mistakes');
  await keepScreenshot(page, 'backoffice-subject-access-errors-en');
  await page.locator('#dateOfBirth-day').fill('3');
  await page.locator('#dateOfBirth-year').fill('2015');
  await page.locator('#phone').fill('');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('#dateOfBirth-error')).toContainText('The date must include a month');
  await page.locator('#dateOfBirth-month').fill('4');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('nothing-found')).toHaveText('Heard holds no records matching these details.');
  await expectAccessible(page, 'subject access, nothing found');

  await page.locator('#name').fill('');
  for (const part of ['day', 'month', 'year']) await page.locator(`#dateOfBirth-${part}`).fill('');
  await page.locator('#email').fill(email.toUpperCase());
  await page.getByRole('button', { name: 'Search' }).click();
  const results = page.getByTestId('results');
  await expect(results.locator('table').first()).toContainText(reference!);
  await expect(results.locator('table').first()).toContainText('Complainant');
  await expect(results.locator('table').first()).toContainText('Sam Prawf');
  await expect(results).toContainText('The covering note in the zip file will be in Welsh');
  await expectAccessible(page, 'subject access, found');
  await keepScreenshot(page, 'backoffice-subject-access-found-en');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as a zip file' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^subject-access-demo-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await readFile((await download.path())!);
  // A zip file (local file header), holding the covering note and the case's files (names are stored as written).
  expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  const names = zip.toString('latin1');
  for (const name of ['README.txt', 'about-you.json', `cases/${reference}/case.json`, `cases/${reference}/history.json`])
    expect(names).toContain(name);

  await page.goto('/subject-access?lang=cy');
  await expect(page.locator('h1')).toHaveText('Cais gwrthrych am fynediad');
  await expectAccessible(page, 'subject access, cy');
  await page.getByRole('button', { name: 'Chwilio' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Rhowch gyfeiriad e-bost, rhif ffôn, neu enw llawn a dyddiad geni');
  await expect(page).toHaveTitle(/^Gwall:/);
  await expectAccessible(page, 'subject access, nothing entered, cy');
  await page.locator('#email').fill(email);
  await page.getByRole('button', { name: 'Chwilio' }).click();
  await expect(page.getByTestId('results')).toContainText('Iaith y nodyn esboniadol yn y ffeil zip: Cymraeg');
  await expect(page.getByTestId('results').locator('table').first()).toContainText('Achwynydd');
  await expectAccessible(page, 'subject access, found, cy');
  await keepScreenshot(page, 'backoffice-subject-access-found-cy');
});
