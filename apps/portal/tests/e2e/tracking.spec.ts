import {
  checkPage,
  continueButton,
  expect,
  expectErrors,
  field,
  latestMessage,
  openCaseByCode,
  respondInBackOffice,
  sendComplaint,
  test,
  uniqueEmail,
} from '../fixtures';

test.describe.configure({ timeout: 300_000 });

test('done when: a parent follows a complaint to the response staff recorded, then asks for Stage 2 (English and Welsh)', async ({ page, browser }) => {
  const email = uniqueEmail('follow');
  const reference = await sendComplaint(page, email);
  await openCaseByCode(page, reference, email);
  await expect(page.locator('main')).toContainText('Received');

  // The complaints officer records the response in the back-office.
  await respondInBackOffice(browser, reference);

  await page.reload();
  await expect(page.locator('main')).toContainText('Responded');
  await expect(page.locator('main')).toContainText('Upheld');
  await expect(page.getByTestId('due')).toContainText('We replied on');
  await checkPage(page, 'portal-track-case-responded-en');
  await page.goto('/track/case?lang=cy');
  await expect(page.locator('main')).toContainText('Wedi’i ateb');
  await checkPage(page, 'portal-track-case-responded-cy');

  // Within the window the person may ask for Stage 2, with their reason.
  await page.locator('a[href="/track/case/next-stage"]').click();
  await expect(page.locator('h1')).toHaveText('Gofyn am Cam 2');
  await checkPage(page, 'portal-track-next-stage-cy');
  await page.goto('/track/case/next-stage?lang=en');
  await checkPage(page, 'portal-track-next-stage-en');
  await page.getByRole('button', { name: 'Ask for Stage 2' }).click();
  await expectErrors(page, 'en', ['Enter a reason']);
  await checkPage(page, 'portal-track-next-stage-errors-en');
  await field(page, 'whyStillUnhappy').fill('The visit plan still does not happen.');
  await page.getByRole('button', { name: 'Ask for Stage 2' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('We have your request for the next stage');
  await expect(page.locator('main')).toContainText('You asked for Stage 2');
  await checkPage(page, 'portal-track-case-escalated-en');
  // The email about the new stage links to it.
  const stage2 = String((await latestMessage(page, email, 'escalation_received')).payload.reference);
  await page.locator(`a[href="/track/case?reference=${stage2}"]`).click();
  await expect(page.locator('h1')).toHaveText(stage2);
  await expect(page.locator('main')).toContainText(reference);
});

for (const language of ['en', 'cy'] as const) {
  test(`bad references and wrong codes get clear messages, and five wrong codes lock the reference (${language})`, async ({ page }) => {
    const email = uniqueEmail(`lock-${language}`);
    const reference = await sendComplaint(page, email, { language });
    await page.goto(`/track?lang=${language}`);
    await page.locator('main form button').click();
    await expectErrors(page, language, [language === 'cy' ? 'Rhowch gyfeirnod eich achos' : 'Enter your case reference as it appears on your email or letter']);
    await checkPage(page, `portal-track-start-errors-${language}`);
    // One character wrong: the check character catches it.
    const typo = reference.slice(0, -1) + (reference.endsWith('2') ? '3' : '2');
    await field(page, 'reference').fill(typo);
    await field(page, 'email').fill(email);
    await page.locator('main form button').click();
    await expectErrors(page, language, [language === 'cy' ? 'Gwiriwch gyfeirnod eich achos' : 'Check your case reference: one of the characters looks wrong']);
    await field(page, 'reference').fill(reference);
    await field(page, 'email').fill('');
    await page.locator('main form button').click();
    await expectErrors(page, language, [language === 'cy' ? 'Rhowch gyfeiriad e-bost neu rif ffôn i ni' : 'Give us an email address or a phone number']);
    await field(page, 'email').fill(email);
    await page.locator('main form button').click();
    await expect(page).toHaveURL(/\/track\/code/);
    const code = String((await latestMessage(page, email, 'tracking_code')).payload.code);
    const wrong = code === '000000' ? '111111' : '000000';
    await continueButton(page).click();
    await expectErrors(page, language, [language === 'cy' ? 'Rhowch y cod a anfonwyd atoch' : 'Enter the code we sent you']);
    await checkPage(page, `portal-track-code-errors-${language}`);
    for (let attempt = 1; attempt < 5; attempt += 1) {
      await field(page, 'code').fill(wrong);
      await continueButton(page).click();
      await expectErrors(page, language, [language === 'cy' ? "Nid yw'r cod yn gywir" : 'The code is not right']);
    }
    await field(page, 'code').fill(wrong);
    await continueButton(page).click();
    await expectErrors(page, language, [language === 'cy' ? 'Cafwyd gormod o godau anghywir. Arhoswch 15 munud' : 'There have been too many wrong codes. Wait 15 minutes']);
    await checkPage(page, `portal-track-code-locked-${language}`);
    // Even the right code is refused while locked.
    await field(page, 'code').fill(code);
    await continueButton(page).click();
    await expectErrors(page, language, [language === 'cy' ? 'Cafwyd gormod o godau anghywir' : 'There have been too many wrong codes']);
  });
}

test('the link in an email opens the case; the person adds information, withdraws and signs out', async ({ page }) => {
  const email = uniqueEmail('link');
  const reference = await sendComplaint(page, email);
  const link = new URL(String((await latestMessage(page, email, 'acknowledgement')).payload.trackUrl)).pathname;
  await page.goto(link);
  await expect(page).toHaveURL(/\/track\/case$/);
  await expect(page.locator('h1')).toHaveText(reference);

  await page.locator('a[href="/track/case/add"]').click();
  await checkPage(page, 'portal-track-add-en');
  await page.getByRole('button', { name: 'Add to my case' }).click();
  await expectErrors(page, 'en', ['Enter the information you want to add'], { javaScript: false });
  await checkPage(page, 'portal-track-add-errors-en');
  await field(page, 'message').fill('The visit on 16 November was also cancelled.');
  await page.locator('input[type=file]').setInputFiles({ name: 'diary.txt', mimeType: 'text/plain', buffer: Buffer.from('16 November: no visit') });
  await page.getByRole('button', { name: 'Add to my case' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('We have added your information to your case');
  await expect(page.locator('main')).toContainText('diary.txt');
  await page.goto('/track/case/add?lang=cy');
  await checkPage(page, 'portal-track-add-cy');

  await page.goto('/track/case/withdraw?lang=cy');
  await checkPage(page, 'portal-track-withdraw-cy');
  await page.goto('/track/case/withdraw?lang=en');
  await checkPage(page, 'portal-track-withdraw-en');
  await field(page, 'reason').fill('Sorted out with the social worker.');
  await page.getByRole('button', { name: 'Withdraw complaint' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Your case has been withdrawn');
  await expect(page.locator('main')).toContainText('Withdrawn');
  await expect(page.locator('a[href="/track/case/withdraw"]')).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/track\?signedOut=1$/);
  await checkPage(page, 'portal-track-signed-out-en');
  await page.getByRole('link', { name: 'Cymraeg' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await checkPage(page, 'portal-track-signed-out-cy');
  await page.goto('/track/case?lang=en');
  await expect(page).toHaveURL(/\/track\?returnTo=/);

  // A link that is wrong or has expired says so, and offers a code instead.
  await page.goto('/track/link/this-link-does-not-exist-at-all-00000000000');
  await expect(page.locator('h1')).toHaveText('This link has expired');
  await checkPage(page, 'portal-track-link-expired-en');
  await page.goto('/track/link/this-link-does-not-exist-at-all-00000000000?lang=cy');
  await checkPage(page, 'portal-track-link-expired-cy');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('tracking by code and withdrawing work', async ({ page }) => {
    const email = uniqueEmail('nojs-track');
    const reference = await sendComplaint(page, email);
    await openCaseByCode(page, reference, email);
    await page.locator('a[href="/track/case/withdraw"]').click();
    await page.getByRole('button', { name: 'Withdraw complaint' }).click();
    await expect(page.locator('.govuk-notification-banner')).toContainText('Your case has been withdrawn');
  });
});
