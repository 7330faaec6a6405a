import { SEED_000_TABLES, otherTableRows, seed000Rows, toCsv } from '@heard/db/testing';
import { expect, expectAccessible, keepScreenshot, LANGUAGES, test } from '../fixtures';

/**
 * Reports and the historical import, as staff use them: an administrator
 * imports a file (a broken one first), then the report shows seed 000's
 * tables with charts, every number linking to the cases it counts, in
 * English and Welsh, with axe on every page.
 */
test.describe.configure({ mode: 'serial', timeout: 300_000 });

const csv = toCsv([...seed000Rows(), ...otherTableRows()]);
const REPORT = '/reports?year=2023&quarter=&asOf=2024-05-31';

test('an administrator imports historical cases: a broken file is refused line by line, a good one is imported', async ({ page, signIn }) => {
  await signIn('administrator');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  for (const language of LANGUAGES) {
    await page.goto(`/admin/import?lang=${language}`);
    await expect(page.locator('h1')).toHaveText(language === 'en' ? 'Import historical cases' : 'Mewnforio achosion hanesyddol');
    await expectAccessible(page, `import, ${language}`);
  }
  await page.goto('/admin/import?lang=en');
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Choose a CSV file to import');
  await expectAccessible(page, 'import with an error');

  await page.setInputFiles('#file', { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('reference,type,received_on\nB-1,complaint,2023-04-03\nB-2,mp_enquiry,2023-13-01\n') });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.locator('h1')).toHaveText('Nothing was imported', { timeout: 60_000 });
  await expect(page.getByTestId('import-problems').locator('li')).toHaveText([
    'line 2: column type: must be one of: children_act_complaint, corporate_complaint, general_enquiry, member_enquiry, mp_enquiry, mayor_enquiry, chief_executive_enquiry, compliment, foi_request',
    'line 3: column received_on: Enter a real date in the format YYYY-MM-DD, like 2024-03-29',
    'line 3: column framework: is required for compliments and enquiries: statutory or corporate',
  ]);
  await expectAccessible(page, 'import refused');
  await page.goto(`${page.url().split('?')[0]}?lang=cy`);
  await expect(page.getByTestId('import-problems').locator('li').first()).toHaveText(/^llinell 2: colofn type: rhaid iddo fod yn un o:/);
  await expectAccessible(page, 'import refused, cy');

  await page.goto('/admin/import?lang=en');
  await page.setInputFiles('#file', { name: 'cases.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.locator('h1')).toHaveText('Import finished', { timeout: 60_000 });
  await expect(page.getByTestId('import-result')).toHaveText('386 rows: 386 cases created, 0 already imported.');
  await expectAccessible(page, 'import finished');
  await keepScreenshot(page, 'backoffice-import-finished-en');
});

test("the annual report shows seed 000's tables, charts with their data, and links every number to its cases", async ({ page, signIn }) => {
  await signIn('complaints_officer');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.goto(`${REPORT}&lang=en`);
  await expect(page.locator('h2#report')).toHaveText('Annual report 2023-2024');
  const table = page.locator('table', { has: page.locator('caption', { hasText: /^Cases received, by quarter$/ }) });
  const expected = SEED_000_TABLES['cases-by-quarter'].rows;
  for (const [r, row] of expected.entries()) {
    const cells = table.locator('tbody tr').nth(r).locator('th, td');
    for (const [c, cell] of row.entries()) await expect(cells.nth(c)).toHaveText(c === 0 ? cell : new RegExp(`^${cell} \\(`));
  }
  const onTime = page.locator('table', { has: page.locator('caption', { hasText: /^Stage 1 complaints and enquiries responded to on time, by quarter$/ }) });
  await expect(onTime.locator('tbody tr').first().locator('td').first()).toHaveText(/^53% \(8\/15\)/);
  for (const caption of ['Cases received each month, by type', 'Outcomes of Stage 1 and Stage 2 complaints', 'Stage 1 complaints by theme', 'Stage 1 complaints by service', 'Stage 1 complaints and enquiries responded to on time, by quarter (per cent)']) {
    const figure = page.locator('figure', { has: page.locator('figcaption', { hasText: caption }) });
    if (caption === 'Stage 1 complaints by theme' || caption === 'Stage 1 complaints by service') {
      // Seed 000's rows name no themes or services for Stage 1: only the other rows do.
      continue;
    }
    await expect(figure.locator('svg[role="img"]')).toHaveCount(1);
    await expect(figure.locator('table')).toHaveCount(1);
  }
  await expectAccessible(page, 'annual report');
  await keepScreenshot(page, 'backoffice-report-en');

  // Drill down from Q1 Corporate Stage 1 (15) to its 15 cases.
  await table.locator('tbody tr').first().locator('td').first().getByRole('link').click();
  await expect(page.locator('h1')).toHaveText('Cases behind a figure');
  await expect(page.getByTestId('case-count')).toHaveText('Cases counted: 15');
  await expect(page.locator('tbody tr')).toHaveCount(15);
  await expectAccessible(page, 'drill-down');
  await page.goto(`${page.url()}&lang=cy`);
  await expect(page.locator('h1')).toHaveText('Achosion y tu ôl i ffigur');
  await expectAccessible(page, 'drill-down, cy');

  // A timeliness figure lists the cases it counts, on time or late.
  await page.goto(`${REPORT}&lang=en`);
  await onTime.locator('tbody tr').first().locator('td').first().getByRole('link').click();
  await expect(page.getByTestId('case-count')).toHaveText('Cases counted: 15');
  await expect(page.locator('tbody tr', { hasText: 'On time' })).toHaveCount(8);
  await expect(page.locator('tbody tr', { hasText: 'Late' })).toHaveCount(7);
});

for (const language of LANGUAGES) {
  test(`the report, the quarterly report and the learning report are accessible (${language})`, async ({ page, signIn }) => {
    await signIn('management_viewer');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${REPORT}&lang=${language}`);
    await expect(page.locator('h2#report')).toHaveText(language === 'en' ? 'Annual report 2023-2024' : 'Adroddiad blynyddol 2023-2024');
    await expectAccessible(page, `report, ${language}`);
    await keepScreenshot(page, `backoffice-report-${language}`);
    await page.goto(`/reports?year=2023&quarter=1&asOf=2024-05-31&lang=${language}`);
    await expect(page.locator('h2#report')).toHaveText(language === 'en' ? 'Quarterly report Q1 2023-2024' : 'Adroddiad chwarterol Q1 2023-2024');
    await expectAccessible(page, `quarterly report, ${language}`);
    await page.goto(`/reports?year=2023&asOf=2024-02-30&lang=${language}`);
    await expect(page.locator('.govuk-error-summary')).toBeVisible();
    await expectAccessible(page, `report with an error, ${language}`);
    await page.goto(`/reports/learning?year=2023&quarter=1&lang=${language}`);
    await expect(page.locator('h1')).toHaveText(language === 'en' ? 'Quarterly learning report' : 'Adroddiad dysgu chwarterol');
    await expectAccessible(page, `learning report, ${language}`);
    await page.goto(`/reports/cases?q=broken&asOf=2024-05-31&lang=${language}`);
    await expect(page.locator('.govuk-error-summary')).toBeVisible();
    await expectAccessible(page, `drill-down with a broken link, ${language}`);
  });
}

test("a service manager's report counts only the cases of their division, and an investigating officer has none", async ({ page, signIn }) => {
  await signIn('service_manager');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.goto(`${REPORT}&lang=en`);
  const table = page.locator('table', { has: page.locator('caption', { hasText: /^Cases received, by quarter$/ }) });
  // The demo SEND manager's division is Education Services: Table 4's second row.
  const division: readonly string[] = SEED_000_TABLES['on-time-by-division'].rows[1]!;
  await expect(page.locator('.govuk-inset-text')).toContainText('only the cases you have access to');
  const total = division.slice(1).reduce((sum, cell) => sum + (cell === '0' ? 0 : Number(/\/(\d+)\)$/.exec(cell)![1])), 0);
  await expect(table.locator('tbody tr').last().locator('td').last()).toHaveText(new RegExp(`^${total} \\(`));
  await page.goto('/sign-out?lang=en');
  await page.getByRole('button', { name: 'Sign out' }).click();
  // Wait for the sign-out's answer: its cleared cookie would otherwise land
  // after the next account's session is put in place, and sign that out too.
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  await signIn('investigating_officer');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  const response = await page.goto(`${REPORT}&lang=en`);
  expect(response?.status()).toBe(403);
});
