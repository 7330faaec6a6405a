import { expect, expectAccessible, keepScreenshot, LANGUAGES, signIn, test } from '../fixtures';

test('a signed-out visitor is sent to sign in', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2F$/);
});

for (const language of LANGUAGES) {
  test(`the sign-in page is accessible empty and with errors (${language})`, async ({ page }) => {
    await page.goto(`/sign-in?lang=${language}`);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expectAccessible(page, `sign-in, ${language}`);
    await keepScreenshot(page, `backoffice-sign-in-${language}`);
    await page.locator('button[type=submit]').click();
    await expect(page.locator('.govuk-error-summary')).toBeVisible();
    await expect(page.locator('.govuk-error-summary')).toBeFocused();
    await expect(page).toHaveTitle(language === 'cy' ? /^Gwall:/ : /^Error:/);
    await expectAccessible(page, `sign-in with errors, ${language}`);
    await keepScreenshot(page, `backoffice-sign-in-errors-${language}`);
  });
}

test('a wrong password is refused with a clear message, and the email is kept', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill('officer@demo.heard.test');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('The email address or password is not right');
  await expect(page.getByLabel('Email address')).toHaveValue('officer@demo.heard.test');
  await expect(page).toHaveTitle(/^Error:/);
});

test('a complaints officer signs in with password and code, sees the caseload from the database, and signs out', async ({ page }) => {
  await signIn(page, 'complaints_officer', undefined, { fresh: true });
  await expect(page.locator('h1')).toHaveText('Casework overview');
  await expect(page.getByTestId('open-count')).toHaveText(/^\d+$/);
  await expectAccessible(page, 'home');
  await keepScreenshot(page, 'backoffice-home-en');
  await page.goto('/?lang=cy');
  await expect(page.locator('h1')).toHaveText("Trosolwg o'r gwaith achos");
  await expectAccessible(page, 'home, cy');
  await keepScreenshot(page, 'backoffice-home-cy');
  await page.goto('/sign-out?lang=en');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});
