import { checkPage, confirmationReference, continueButton, expect, expectErrors, field, fillDate, latestMessage, radio, test, uniqueEmail } from '../fixtures';

test.describe.configure({ timeout: 240_000 });

const PASSWORD = 'correct horse battery staple';

for (const language of ['en', 'cy'] as const) {
  test(`an advocate makes an account, raises a complaint for a young person with their consent, and follows it (${language})`, async ({ page }) => {
    const email = uniqueEmail(`advocate-${language}`);
    await page.goto(`/advocate?lang=${language}`);
    await expect(page).toHaveURL(/\/advocate\/sign-in\?returnTo=%2Fadvocate/);
    await checkPage(page, `portal-advocate-sign-in-${language}`);
    await page.locator('a[href="/advocate/register"]').click();
    await checkPage(page, `portal-advocate-register-${language}`);
    await page.getByRole('button', { name: language === 'cy' ? 'Creu cyfrif' : 'Create account' }).click();
    await expectErrors(page, language, [language === 'cy' ? 'Rhowch eich enw llawn' : 'Enter your full name', language === 'cy' ? 'Rhowch enw eich sefydliad' : 'Enter the name of your organisation']);
    await checkPage(page, `portal-advocate-register-errors-${language}`);
    await field(page, 'fullName').fill('Sam Advocate');
    await field(page, 'organisation').fill('NYAS');
    await field(page, 'email').fill(email);
    await field(page, 'password').fill('short');
    await field(page, 'confirmPassword').fill('short');
    await page.getByRole('button', { name: language === 'cy' ? 'Creu cyfrif' : 'Create account' }).click();
    await expectErrors(page, language, [language === 'cy' ? 'o leiaf 12 nod' : 'at least 12 characters']);
    await field(page, 'password').fill(PASSWORD);
    await field(page, 'confirmPassword').fill(PASSWORD);
    await page.getByRole('button', { name: language === 'cy' ? 'Creu cyfrif' : 'Create account' }).click();

    await expect(page).toHaveURL(/\/advocate$/);
    await checkPage(page, `portal-advocate-cases-empty-${language}`);
    await page.locator('a[href="/advocate-complaint"]').click();
    await expect(page).toHaveURL(/\/advocate-complaint\/consent$/);
    await checkPage(page, `portal-advocate-complaint-consent-${language}`);
    await radio(page, 'youngPersonConsent', 'given').check();
    await continueButton(page).click();
    await expect(page).toHaveURL(/\/advocate-complaint\/child$/);
    await checkPage(page, `portal-advocate-complaint-child-${language}`);
    await continueButton(page).click();
    await expectErrors(page, language, [language === 'cy' ? 'Rhowch eich enw llawn' : 'Enter your full name']);
    await field(page, 'child.fullName').fill('Jo Young');
    await fillDate(page, 'child.dateOfBirth', '1', '5', '2012');
    await continueButton(page).click();
    await radio(page, 'child.situation', 'looked_after').check();
    await continueButton(page).click();
    await page.locator('input[name=service][value=not_sure]').check();
    await continueButton(page).click();
    await field(page, 'whatHappened').fill('Jo was moved to a new placement without being asked.');
    await continueButton(page).click();
    await fillDate(page, 'matterOn', '10', '11', '2026');
    await continueButton(page).click();
    await radio(page, 'courtOrTribunalProceedings', 'no').check();
    await continueButton(page).click();
    await field(page, 'desiredOutcome').fill('Jo wants to be asked before any move.');
    await continueButton(page).click();
    await expect(page).toHaveURL(/\/advocate-complaint\/language$/);
    await checkPage(page, `portal-advocate-complaint-language-${language}`);
    await radio(page, 'contact.language', language).check();
    await continueButton(page).click();
    await radio(page, 'needsAdjustments', 'no').check();
    await continueButton(page).click();
    await expect(page).toHaveURL(/\/advocate-complaint\/files$/);
    await continueButton(page).click();
    await expect(page).toHaveURL(/\/advocate-complaint\/check$/);
    await checkPage(page, `portal-advocate-complaint-check-${language}`);
    await page.getByRole('button', { name: language === 'cy' ? 'Anfon y gŵyn' : 'Send complaint' }).click();
    await expect(page).toHaveURL(/\/advocate-complaint\/confirmation$/);
    const reference = await confirmationReference(page);

    // The list shows the case with its status and the date a reply is due.
    await page.goto('/advocate');
    const row = page.locator('tbody tr', { hasText: reference });
    await expect(row).toContainText('Jo Young');
    await expect(row).toContainText(language === 'cy' ? 'Wedi dod i law' : 'Received');
    await expect(row).toContainText(language === 'cy' ? 'Erbyn' : 'Due by');
    await checkPage(page, `portal-advocate-cases-${language}`);
    await row.getByRole('link', { name: reference }).click();
    await expect(page.locator('h1')).toHaveText(reference);
    await checkPage(page, `portal-advocate-case-${language}`);
    // The advocate can add information for the young person.
    await page.locator('a[href^="/track/case/add"]').click();
    await field(page, 'message').fill('Jo has asked for a meeting with her social worker.');
    await page.getByRole('button', { name: language === 'cy' ? 'Ychwanegu at fy achos' : 'Add to my case' }).click();
    await expect(page.locator('.govuk-notification-banner')).toBeVisible();
    await expect(page.locator('main')).toContainText('Jo has asked for a meeting with her social worker.');

    // Sign out, then back in with a link by email instead of the password.
    await page.goto('/advocate');
    await page.getByRole('button', { name: language === 'cy' ? 'Allgofnodi' : 'Sign out' }).click();
    await expect(page).toHaveURL(/\/advocate\/sign-in\?signedOut=1/);
    await page.goto('/advocate/link');
    await checkPage(page, `portal-advocate-link-${language}`);
    await field(page, 'email').fill(email);
    await page.getByRole('button', { name: language === 'cy' ? 'Anfon dolen ataf' : 'Send me a link' }).click();
    await expect(page.locator('.govuk-notification-banner')).toBeVisible();
    const link = String((await latestMessage(page, email, 'advocate_link')).payload.link);
    await page.goto(new URL(link).pathname);
    await expect(page).toHaveURL(/\/advocate$/);
    await expect(page.locator('tbody')).toContainText(reference);
    // A used link does not work twice.
    await page.goto(new URL(link).pathname);
    await expect(page.locator('h1')).toHaveText(language === 'cy' ? "Mae'r ddolen mewngofnodi hon wedi dod i ben" : 'This sign-in link has expired');
    await checkPage(page, `portal-advocate-link-expired-${language}`);
  });
}

test('a wrong password gets one message for every kind of mistake, and the email is kept', async ({ page }) => {
  await page.goto('/advocate/sign-in?lang=en');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectErrors(page, 'en', ['Enter your email address', 'Enter your password']);
  await checkPage(page, 'portal-advocate-sign-in-errors-en');
  await field(page, 'email').fill('nobody@advocacy.example');
  await field(page, 'password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectErrors(page, 'en', ['The email address or password is not right']);
  await expect(field(page, 'email')).toHaveValue('nobody@advocacy.example');
});
