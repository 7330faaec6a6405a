import { expect, expectAccessible, keepScreenshot, LANGUAGES, test } from '../fixtures';

for (const language of LANGUAGES) {
  test(`the start page is built from the database and accessible (${language})`, async ({ page }) => {
    await page.goto(`/?lang=${language}`);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    // The council's name comes from the database, through tRPC.
    await expect(page.locator('.govuk-header')).toContainText(language === 'cy' ? 'Cyngor Bwrdeistref Demo' : 'Demo Borough Council');
    // Shown with its spaces: GOV.UK's rebranded header closes up the words of its homepage link.
    await expect(page.locator('.heard-header__council')).toHaveCSS('word-spacing', '0px');
    await expect(page.locator('h1')).toHaveText(
      language === 'cy' ? 'Dywedwch wrthym beth yw eich barn am wasanaethau plant' : "Tell us what you think of children's services",
    );
    await expectAccessible(page, `start page, ${language}`);
    await keepScreenshot(page, `portal-start-${language}`);
  });
}

test('the start page ships no JavaScript', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto('/');
  expect(scripts).toEqual([]);
  await expect(page.locator('script')).toHaveCount(0);
});

test('the language toggle keeps the place and is remembered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Cymraeg' }).click();
  await expect(page).toHaveURL(/\?lang=cy$/);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('an unknown page says so, in a page that is itself accessible', async ({ page }) => {
  for (const language of LANGUAGES) {
    const response = await page.goto(`/no-such-page?lang=${language}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText(language === 'cy' ? "Heb ddod o hyd i'r dudalen" : 'Page not found');
    await expectAccessible(page, `not found, ${language}`);
    await keepScreenshot(page, `portal-not-found-${language}`);
  }
});
