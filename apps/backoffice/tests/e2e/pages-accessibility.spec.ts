import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, LANGUAGES, personPage, test } from '../fixtures';
import { casePath, fillDate, today } from './casework-helpers';

/**
 * axe (WCAG 2.2 A and AA) on every back-office page of casework, in English
 * and in Welsh, as the role that uses it: empty, filled and with errors.
 */
async function checkBoth(page: Page, path: string, state: string): Promise<void> {
  for (const language of LANGUAGES) {
    await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${language}`);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expectAccessible(page, `${state} (${language})`);
  }
  await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=en`);
}

const ACTIONS = [
  'classify',
  'out-of-remit',
  'assign',
  'acknowledge',
  'link',
  'commissioned',
  'note',
  'points',
  'extend',
  'respond',
  'letter',
  'remedy',
  'learning',
  'person',
  'escalate',
  'refer-ombudsman',
  'hold',
  'withdraw',
];

test('every casework page a complaints officer uses is accessible in English and Welsh', async ({ browser }) => {
  test.setTimeout(1_500_000);
  const officer = await personPage(browser, 'complaints_officer');
  // A case to look at.
  await officer.goto('/cases/new');
  await officer.getByLabel('Corporate complaint', { exact: true }).check();
  await officer.locator('input[name=channel][value=letter]').check();
  await fillDate(officer, 'receivedOn', today());
  await officer.getByLabel('Summary', { exact: true }).fill('School transport');
  await officer.getByLabel('What the person told us').fill('The bus did not come.');
  await officer.getByLabel('Name', { exact: true }).fill('Jo Parent');
  await officer.getByRole('button', { name: 'Enter the case' }).click();
  await expect(officer.locator('.govuk-notification-banner')).toBeVisible();
  const caseUrl = casePath(officer);

  for (const [path, state] of [
    ['/', 'home'],
    ['/triage', 'triage queue'],
    ['/tracker', 'tracker'],
    ['/tracker?overdue=yes&sort=received_desc', 'tracker, filtered'],
    ['/review', 'weekly review'],
    ['/find', 'find a case'],
    ['/cases/new', 'enter a case'],
    [caseUrl, 'case page'],
    ['/logs/enquiries', 'enquiries log'],
    ['/logs/compliments', 'compliments log'],
    ['/advocacy', 'advocacy referrals'],
  ] as const) {
    await checkBoth(officer, path, state);
  }
  for (const action of ACTIONS) await checkBoth(officer, `${caseUrl}/${action}`, `action ${action}`);

  // With errors: a form sent empty, in both languages.
  for (const language of LANGUAGES) {
    await officer.goto(`${caseUrl}/hold?lang=${language}`);
    await officer.locator('#main-form button[type=submit]').first().click();
    await expect(officer.locator('.govuk-error-summary')).toBeVisible();
    await expectAccessible(officer, `action with errors (${language})`);
    await officer.goto(`/advocacy?lang=${language}`);
    await officer.locator('form[method=post] button[type=submit]').last().click();
    await expect(officer.locator('.govuk-error-summary')).toBeVisible();
    await expectAccessible(officer, `advocacy with errors (${language})`);
    await officer.goto(`/find?reference=CYP-00-22222&lang=${language}`);
    await expect(officer.locator('.govuk-error-summary')).toBeVisible();
    await expectAccessible(officer, `find, not found (${language})`);
  }
  await officer.context().close();
});

test('every administration page is accessible in English and Welsh', async ({ browser }) => {
  test.setTimeout(1_500_000);
  const admin = await personPage(browser, 'administrator');
  for (const [path, state] of [
    ['/admin', 'admin'],
    ['/admin/reference/divisions', 'divisions'],
    ['/admin/reference/services', 'services'],
    ['/admin/reference/themes', 'themes'],
    ['/admin/reference/localities', 'localities'],
    ['/admin/policies', 'policies'],
    ['/admin/calendar', 'calendar'],
    ['/admin/templates', 'templates'],
    ['/admin/templates/new', 'new template'],
    ['/admin/templates/default-response', 'template from a default'],
    ['/admin/users', 'staff'],
    ['/admin/sso', 'single sign-on'],
    ['/find?then=access', 'find a case for its access history'],
  ] as const) {
    await checkBoth(admin, path, state);
  }
  await admin.goto('/admin/users');
  await admin.getByRole('link', { name: 'Casework Officer' }).click();
  await checkBoth(admin, new URL(admin.url()).pathname, 'a member of staff');
  // Errors: a policy version that the domain refuses, a template with an unknown merge field.
  await admin.goto('/admin/policies');
  await fillDate(admin, 'effectiveFrom', '2027-04-01');
  await admin.getByLabel('Case type and stage').selectOption({ label: 'Corporate complaint, Stage 1' });
  await admin.getByLabel('Respond within (days)').fill('0');
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(admin.locator('.govuk-error-summary')).toBeVisible();
  await expectAccessible(admin, 'policy refused');
  await admin.goto('/admin/templates/new');
  await admin.getByLabel('General', { exact: true }).check();
  await admin.getByLabel('Name', { exact: true }).fill('Holding letter');
  await admin.getByLabel('Subject (English)').fill('About {{reference}}');
  await admin.getByLabel('Letter (English)').fill('Dear {{name}}, {{nonsense}}');
  await admin.getByLabel('Subject (Welsh)').fill('Ynghylch {{reference}}');
  await admin.getByLabel('Letter (Welsh)').fill('Annwyl {{name}}');
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(admin.locator('.govuk-error-summary')).toContainText('nonsense');
  await expectAccessible(admin, 'template refused');
  await admin.context().close();
});

test('the pages a management viewer uses are accessible, and the rest are not offered', async ({ browser }) => {
  test.setTimeout(600_000);
  const viewer = await personPage(browser, 'management_viewer');
  await checkBoth(viewer, '/review', 'weekly review, management team');
  await checkBoth(viewer, '/tracker', 'tracker, management team');
  const navigation = viewer.getByRole('navigation', { name: 'Heard casework' });
  await expect(navigation).toContainText('Weekly review');
  await expect(navigation).not.toContainText('Triage');
  await expect(navigation).not.toContainText('Admin');
  await viewer.goto('/triage');
  await expect(viewer.locator('h1')).toHaveText('You cannot see this page');
  await expectAccessible(viewer, 'forbidden page');
  await viewer.context().close();
});

/**
 * quality.md "page weight": a back-office page, first view, at most 200 KB
 * compressed (HTML, scripts and styles), measured as the gzip size of what the
 * browser received, so the figure does not depend on the machine's speed.
 */
test('back-office pages weigh at most 200 KB compressed on first view', async ({ browser }) => {
  test.setTimeout(600_000);
  const officer = await personPage(browser, 'complaints_officer');
  const cookies = await officer.context().cookies();
  for (const path of ['/', '/tracker', '/triage', '/cases/new']) {
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    await context.addCookies(cookies);
    const page = await context.newPage();
    const sizes: Promise<number>[] = [];
    page.on('response', (response) => {
      sizes.push(response.body().then((body) => gzipSync(body).length, () => 0));
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const total = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    expect(total, `${path}: ${Math.round(total / 1024)} KB compressed`).toBeLessThanOrEqual(200 * 1024);
    await context.close();
  }
  await officer.context().close();
});
