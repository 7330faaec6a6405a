import {
  checkPage,
  confirmationReference,
  continueButton,
  expect,
  expectErrors,
  field,
  latestMessage,
  radio,
  tabTo,
  test,
  uniqueEmail,
  type Language,
} from '../fixtures';

test.describe.configure({ timeout: 240_000 });

const TEXT = {
  en: { first: 'Telling us what is wrong', advocate: 'An advocate is someone who is on your side', send: 'Send', done: 'We have got your message', call: 'We have asked an advocate to call you' },
  cy: { first: "Dweud wrthym beth sydd o'i le", advocate: 'Mae eiriolwr yn rhywun sydd ar eich ochr chi', send: 'Anfon', done: 'Rydym wedi cael eich neges', call: 'Rydym wedi gofyn i eiriolwr eich ffonio' },
} as const;

for (const language of ['en', 'cy'] as const) {
  test(`a young person tells us what is wrong, asks an advocate to call, and follows it by the link in the email (${language})`, async ({ page }) => {
    const email = uniqueEmail(`young-${language}`);
    const text = TEXT[language];
    await page.goto(`/start?lang=${language}`);
    await page.locator('a[href="/young-person"]').click();
    // The first page offers an independent advocate and says what one does.
    await expect(page).toHaveURL(/\/young-person\/advocate$/);
    await expect(page.locator('h1')).toHaveText(text.first);
    await expect(page.locator('main')).toContainText(text.advocate);
    await checkPage(page, `portal-young-person-advocate-${language}`);
    await continueButton(page).click();
    await expectErrors(page, language, [language === 'cy' ? 'Dywedwch wrthym a hoffech chi gael eiriolwr' : 'Tell us if you would like an advocate to help you']);
    await checkPage(page, `portal-young-person-advocate-errors-${language}`);
    await radio(page, 'wantsAdvocate', 'yes').check();
    await continueButton(page).click();

    await expect(page).toHaveURL(/\/young-person\/advocate-call$/);
    await checkPage(page, `portal-young-person-advocate-call-${language}`);
    await field(page, 'advocatePhone').fill('0770090098');
    await continueButton(page).click();
    await expectErrors(page, language, [language === 'cy' ? 'Rhowch rif ffôn yn y DU' : 'Enter a UK phone number']);
    await field(page, 'advocatePhone').fill('07700 900982');
    await field(page, 'advocateCallTimes').fill('After school');
    await continueButton(page).click();

    await expect(page).toHaveURL(/\/young-person\/name$/);
    await checkPage(page, `portal-young-person-name-${language}`);
    await field(page, 'firstName').fill('Jo');
    await field(page, 'age').fill('3');
    await continueButton(page).click();
    await expectErrors(page, language, [language === 'cy' ? 'Rhowch rif sy’n 5 neu fwy' : 'Enter a number that is 5 or more']);
    await field(page, 'age').fill('11');
    await continueButton(page).click();

    await expect(page).toHaveURL(/\/young-person\/situation$/);
    await checkPage(page, `portal-young-person-situation-${language}`);
    await radio(page, 'situation', 'looked_after').check();
    await continueButton(page).click();

    await expect(page).toHaveURL(/\/young-person\/what-happened$/);
    await checkPage(page, `portal-young-person-what-happened-${language}`);
    await field(page, 'whatHappened').fill('I was moved to a new home and nobody asked me.');
    await continueButton(page).click();

    await expect(page).toHaveURL(/\/young-person\/what-would-help$/);
    await checkPage(page, `portal-young-person-what-would-help-${language}`);
    await field(page, 'whatWouldHelp').fill('To be asked next time.');
    await continueButton(page).click();

    await expect(page).toHaveURL(/\/young-person\/contact$/);
    await checkPage(page, `portal-young-person-contact-${language}`);
    await radio(page, 'language', language).check();
    await continueButton(page).click();
    await expectErrors(page, language, [language === 'cy' ? 'Rhowch gyfeiriad e-bost, rhif ffôn, neu enw oedolyn' : 'Give us an email address, a phone number, or the name of a grown-up who can help']);
    await checkPage(page, `portal-young-person-contact-errors-${language}`);
    await field(page, 'email').fill(email);
    await continueButton(page).click();

    await expect(page).toHaveURL(/\/young-person\/check$/);
    await checkPage(page, `portal-young-person-check-${language}`);
    await page.getByRole('button', { name: text.send, exact: true }).click();
    await expect(page).toHaveURL(/\/young-person\/confirmation$/);
    await expect(page.locator('h1')).toHaveText(text.done);
    await expect(page.locator('main')).toContainText(text.call);
    await checkPage(page, `portal-young-person-confirmation-${language}`);
    const reference = await confirmationReference(page);

    // The link in the acknowledgement opens the case page.
    const acknowledgement = await latestMessage(page, email, 'acknowledgement');
    expect(acknowledgement.payload.reference).toBe(reference);
    await page.goto(new URL(String(acknowledgement.payload.trackUrl)).pathname);
    await expect(page).toHaveURL(/\/track\/case$/);
    await expect(page.locator('h1')).toHaveText(reference);
    await checkPage(page, `portal-young-person-case-${language}`);
  });
}

test('the young person journey can be done by keyboard alone', async ({ page }) => {
  const email = uniqueEmail('young-keyboard');
  const next = async () => {
    await tabTo(page, continueButton(page));
    await page.keyboard.press('Enter');
  };
  await page.goto('/young-person/advocate?lang=en');
  await tabTo(page, radio(page, 'wantsAdvocate', 'yes'));
  // Down twice: "I already have an advocate", then "No thanks".
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(radio(page, 'wantsAdvocate', 'no')).toBeChecked();
  await next();
  await expect(page).toHaveURL(/\/name$/);
  await tabTo(page, field(page, 'firstName'));
  await page.keyboard.type('Sam');
  await next();
  await expect(page).toHaveURL(/\/situation$/);
  await tabTo(page, radio(page, 'situation', 'looked_after'));
  await page.keyboard.press('Space');
  await next();
  await tabTo(page, field(page, 'whatHappened'));
  await page.keyboard.type('Nobody tells me who my social worker is.');
  await next();
  await tabTo(page, field(page, 'whatWouldHelp'));
  await page.keyboard.type('To know.');
  await next();
  await tabTo(page, field(page, 'email'));
  await page.keyboard.type(email);
  await tabTo(page, radio(page, 'language', 'en'));
  await page.keyboard.press('Space');
  await next();
  await expect(page).toHaveURL(/\/check$/);
  await tabTo(page, page.getByRole('button', { name: 'Send', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/confirmation$/);
  await confirmationReference(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a young person completes the journey', async ({ page }) => {
    const language: Language = 'en';
    await page.goto(`/young-person?lang=${language}`);
    await radio(page, 'wantsAdvocate', 'already_have').check();
    await continueButton(page).click();
    await field(page, 'firstName').fill('Kai');
    await continueButton(page).click();
    await radio(page, 'situation', 'not_sure').check();
    await continueButton(page).click();
    await expect(field(page, 'whatHappened')).toBeVisible();
    await continueButton(page).click();
    await expectErrors(page, language, ['Tell us what happened'], { javaScript: false });
    await field(page, 'whatHappened').fill('My school transport stopped.');
    await continueButton(page).click();
    await field(page, 'whatWouldHelp').fill('Get it back.');
    await continueButton(page).click();
    await field(page, 'trustedAdult').fill('My aunt, 07700 900 123');
    await radio(page, 'language', 'en').check();
    await continueButton(page).click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page).toHaveURL(/\/young-person\/confirmation$/);
    await confirmationReference(page);
  });
});
