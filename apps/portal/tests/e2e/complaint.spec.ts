import { computeDeadline, formatDate, rulesForCase, toUkDate } from '@heard/domain';
import type { Page } from '@playwright/test';
import {
  checkPage,
  confirmationReference,
  continueButton,
  expect,
  expectErrors,
  field,
  fillDate,
  latestMessage,
  radio,
  readMailbox,
  tabTo,
  test,
  uniqueEmail,
  type Language,
} from '../fixtures';

// Whole journeys with axe and a screenshot on every page take a while on a shared machine.
test.describe.configure({ timeout: 240_000 });

/** The due date of a Children Act complaint received today, from @heard/domain, written out as the page writes it. */
function statutoryDueDate(language: Language): string {
  const receivedOn = toUkDate(new Date());
  const deadline = computeDeadline({ type: 'children_act_complaint', stage: '1', receivedOn }, 'response', rulesForCase({ receivedOn }));
  if (deadline.status !== 'due') throw new Error('expected a due date');
  return formatDate(deadline.dueOn, language);
}

/**
 * A parent's complaint, page by page, checking each page with axe and
 * keeping its screenshot. Returns the reference shown on the confirmation.
 */
async function parentComplaint(page: Page, language: Language, email: string, options: { screenshots?: boolean } = {}): Promise<string> {
  const shoot = async (name: string) => {
    if (options.screenshots !== false) await checkPage(page, `portal-complaint-${name}-${language}`);
  };
  await page.goto(`/start?lang=${language}`);
  await shoot('choose');
  await page.locator('a[href="/complaint"]').click();
  await expect(page).toHaveURL(/\/complaint\/who$/);
  await shoot('who');
  await radio(page, 'role', 'parent').check();
  await continueButton(page).click();

  await expect(page).toHaveURL(/\/complaint\/child$/);
  await shoot('child');
  await field(page, 'child.fullName').fill('Alex Jones');
  await fillDate(page, 'child.dateOfBirth', '3', '4', '2015');
  await continueButton(page).click();

  await expect(page).toHaveURL(/\/complaint\/situation$/);
  await shoot('situation');
  await radio(page, 'child.situation', 'looked_after').check();
  await continueButton(page).click();

  await expect(page).toHaveURL(/\/complaint\/service$/);
  await shoot('service');
  // The council's own services, from its reference data (A to Z: Adoption, a Children Act service, is first).
  await expect(page.locator('input[name=service]').first()).toHaveAccessibleName(language === 'cy' ? 'Mabwysiadu' : 'Adoption');
  await page.locator('input[name=service]').first().check();
  await continueButton(page).click();

  await expect(page).toHaveURL(/\/complaint\/what-happened$/);
  await shoot('what-happened');
  await field(page, 'whatHappened').fill('Contact visits with Alex were cancelled three times without notice.');
  await continueButton(page).click();

  await expect(page).toHaveURL(/\/complaint\/when$/);
  await shoot('when');
  const lastWeek = new Date(Date.now() - 7 * 24 * 3600_000);
  await fillDate(page, 'matterOn', String(lastWeek.getUTCDate()), String(lastWeek.getUTCMonth() + 1), String(lastWeek.getUTCFullYear()));
  await continueButton(page).click();

  await expect(page).toHaveURL(/\/complaint\/proceedings$/);
  await shoot('proceedings');
  await radio(page, 'courtOrTribunalProceedings', 'no').check();
  await continueButton(page).click();

  await expect(page).toHaveURL(/\/complaint\/outcome$/);
  await shoot('outcome');
  await field(page, 'desiredOutcome').fill('A visit plan we can rely on, and an apology.');
  await continueButton(page).click();

  await expect(page).toHaveURL(/\/complaint\/contact$/);
  await shoot('contact');
  await field(page, 'contact.fullName').fill('Sam Jones');
  await field(page, 'contact.email').fill(email);
  await field(page, 'contact.phone').fill('07700 900982');
  await radio(page, 'contact.contactPreference', 'email').check();
  await radio(page, 'contact.language', language).check();
  await continueButton(page).click();

  await expect(page).toHaveURL(/\/complaint\/adjustments$/);
  await shoot('adjustments');
  await radio(page, 'needsAdjustments', 'yes').check();
  await field(page, 'reasonableAdjustments').fill('Please phone after 4pm.');
  await continueButton(page).click();

  await expect(page).toHaveURL(/\/complaint\/files$/);
  await shoot('files');
  await continueButton(page).click();

  await expect(page).toHaveURL(/\/complaint\/check$/);
  await shoot('check');
  await expect(page.locator('.govuk-summary-list')).toContainText('Alex Jones');
  await expect(page.locator('.govuk-summary-list')).toContainText('Please phone after 4pm.');
  await page.getByRole('button', { name: language === 'cy' ? 'Anfon y gŵyn' : 'Send complaint' }).click();

  await expect(page).toHaveURL(/\/complaint\/confirmation$/);
  await shoot('confirmation');
  return confirmationReference(page);
}

for (const language of ['en', 'cy'] as const) {
  test(`a parent makes a complaint and follows it by code, every page accessible (${language})`, async ({ page }) => {
    const email = uniqueEmail(`parent-${language}`);
    const reference = await parentComplaint(page, language, email);
    await expect(page.locator('h1')).toHaveText(language === 'cy' ? 'Cwyn wedi dod i law' : 'Complaint received');
    // A Children Act complaint: the reply is due 10 working days after today, as @heard/domain counts them.
    await expect(page.getByTestId('due')).toContainText(statutoryDueDate(language));
    // The acknowledgement is queued in the person's language with the same reference.
    const acknowledgement = await latestMessage(page, email, 'acknowledgement');
    expect(acknowledgement.payload.reference).toBe(reference);

    await page.goto('/track');
    await checkPage(page, `portal-track-start-${language}`);
    await field(page, 'reference').fill(reference.toLowerCase().replace(/-/g, ' '));
    await field(page, 'email').fill(email);
    await page.getByRole('button', { name: language === 'cy' ? 'Anfon cod ataf' : 'Send me a code' }).click();
    await expect(page).toHaveURL(/\/track\/code/);
    await checkPage(page, `portal-track-code-${language}`);
    const code = String((await latestMessage(page, email, 'tracking_code')).payload.code);
    await field(page, 'code').fill(code);
    await continueButton(page).click();
    await expect(page).toHaveURL(/\/track\/case$/);
    await expect(page.locator('h1')).toHaveText(reference);
    await expect(page.getByTestId('due')).toContainText(statutoryDueDate(language));
    await expect(page.locator('main')).toContainText(language === 'cy' ? 'Mae wedi dod i law (cydnabyddiaeth)' : 'We received it (acknowledgement)');
    await page.locator('details summary').click();
    await checkPage(page, `portal-track-case-${language}`);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a parent completes the complaint, and errors still show in the summary with "Error:" in the title', async ({ page }) => {
    await page.goto('/complaint/who');
    await continueButton(page).click();
    await expectErrors(page, 'en', ['Select who you are'], { javaScript: false });
    const email = uniqueEmail('nojs');
    const reference = await parentComplaint(page, 'en', email, { screenshots: false });
    expect(reference).toMatch(/^CYP-/);
    expect(await readMailbox(page, { recipient: email, template: 'acknowledgement' })).toHaveLength(1);
  });
});

test('each kind of bad answer shows its own message, in English and Welsh', async ({ page }) => {
  await page.goto('/complaint/who?lang=cy');
  await continueButton(page).click();
  await expectErrors(page, 'cy', ['Dewiswch pwy ydych chi']);
  await checkPage(page, 'portal-complaint-who-errors-cy');
  await page.goto('/complaint/who?lang=en');
  await continueButton(page).click();
  await expectErrors(page, 'en', ['Select who you are']);
  await checkPage(page, 'portal-complaint-who-errors-en');
  // The error summary links to the field.
  await page.locator('.govuk-error-summary a').first().click();
  await expect(radio(page, 'role', 'parent')).toBeFocused();
  await radio(page, 'role', 'parent').check();
  await continueButton(page).click();

  await expect(page).toHaveURL(/\/complaint\/child$/);
  await fillDate(page, 'child.dateOfBirth', '3', '', '2015');
  await continueButton(page).click();
  await expectErrors(page, 'en', ['The date must include a month']);
  await checkPage(page, 'portal-complaint-child-errors-en');
  await fillDate(page, 'child.dateOfBirth', '', '', '');
  await continueButton(page).click();
  await radio(page, 'child.situation', 'not_sure').check();
  await continueButton(page).click();
  await expect(page).toHaveURL(/\/complaint\/service$/);
  await continueButton(page).click();
  await expectErrors(page, 'en', ['Select the service your complaint is about']);
  await checkPage(page, 'portal-complaint-service-errors-en');
  await page.locator('input[name=service][value=not_sure]').check();
  await continueButton(page).click();
  await expect(page).toHaveURL(/\/complaint\/what-happened$/);
  await continueButton(page).click();
  await expectErrors(page, 'en', ['Tell us what happened']);
  await checkPage(page, 'portal-complaint-what-happened-errors-en');
  await field(page, 'whatHappened').fill('x'.repeat(5001));
  await expect(page.locator('.govuk-character-count__message')).toContainText('You have 1 characters too many');
  await continueButton(page).click();
  await expectErrors(page, 'en', ['What happened must be 5000 characters or fewer']);
  await field(page, 'whatHappened').fill('The school transport did not arrive.');
  await continueButton(page).click();
  await expect(page).toHaveURL(/\/complaint\/when$/);

  await fillDate(page, 'matterOn', '31', '2', '2026');
  await continueButton(page).click();
  await expectErrors(page, 'en', ['Enter a real date']);
  await checkPage(page, 'portal-complaint-when-errors-en');
  await fillDate(page, 'matterOn', '1', '1', String(new Date().getUTCFullYear() + 1));
  await continueButton(page).click();
  await expectErrors(page, 'en', ['The date must be today or in the past']);
  await fillDate(page, 'matterOn', '1', '1', '26');
  await continueButton(page).click();
  await expectErrors(page, 'en', ['The year must include 4 numbers']);
  await fillDate(page, 'matterOn', '2', '11', '2025');
  await continueButton(page).click();
  await expect(page).toHaveURL(/\/complaint\/proceedings$/);

  await radio(page, 'courtOrTribunalProceedings', 'not_sure').check();
  await continueButton(page).click();
  await field(page, 'desiredOutcome').fill('An apology.');
  await continueButton(page).click();

  await expect(page).toHaveURL(/\/complaint\/contact$/);
  await continueButton(page).click();
  await expectErrors(page, 'en', ['Enter your full name', 'Select an option']);
  await field(page, 'contact.fullName').fill('Sam Jones');
  await field(page, 'contact.email').fill('sam@');
  await field(page, 'contact.phone').fill('12345');
  await radio(page, 'contact.contactPreference', 'letter').check();
  await radio(page, 'contact.language', 'en').check();
  await continueButton(page).click();
  await expectErrors(page, 'en', ['Enter an email address in the correct format, like name@example.com', 'Enter a UK phone number, like 01632 960 001 or 07700 900 982']);
  await checkPage(page, 'portal-complaint-contact-errors-en');
  await field(page, 'contact.email').fill('');
  await field(page, 'contact.phone').fill('');
  await continueButton(page).click();
  // A letter needs an address.
  await expectErrors(page, 'en', ['Enter your address, or choose another way for us to contact you']);
  await field(page, 'contact.address.line1').fill('1 High Street');
  await field(page, 'contact.address.postcode').fill('not a postcode');
  await continueButton(page).click();
  await expectErrors(page, 'en', ['Enter a real postcode, like SW1A 1AA']);
  await field(page, 'contact.address.postcode').fill('cf10 1aa');
  await continueButton(page).click();
  await expect(page).toHaveURL(/\/complaint\/adjustments$/);

  await radio(page, 'needsAdjustments', 'yes').check();
  await continueButton(page).click();
  await expectErrors(page, 'en', ['Tell us what we can do to make things easier for you']);
  await checkPage(page, 'portal-complaint-adjustments-errors-en');
  await radio(page, 'needsAdjustments', 'no').check();
  await continueButton(page).click();

  // Uploads are checked by their content, not their name.
  await expect(page).toHaveURL(/\/complaint\/files$/);
  await page.locator('input[type=file]').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ\x90\x00 not really a photo') });
  await page.getByRole('button', { name: 'Add this file' }).click();
  await expectErrors(page, 'en', ['The selected file must be a PDF, Word or OpenDocument file, a photo (JPG, PNG or HEIC) or a text file'], { javaScript: false });
  await checkPage(page, 'portal-complaint-files-errors-en');
  await page.locator('input[type=file]').setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n') });
  await page.getByRole('button', { name: 'Add this file' }).click();
  await expect(page.locator('.govuk-summary-list')).toContainText('letter.pdf');
  await checkPage(page, 'portal-complaint-files-added-en');
  await continueButton(page).click();
  await expect(page).toHaveURL(/\/complaint\/check$/);
  await expect(page.locator('.govuk-summary-list')).toContainText('letter.pdf');
  await expect(page.locator('.govuk-summary-list')).toContainText('1 High Street');
});

test('a complaint can be done by keyboard alone', async ({ page }) => {
  const email = uniqueEmail('keyboard');
  await page.goto('/complaint/who');
  const pressContinue = async () => {
    await tabTo(page, continueButton(page));
    await page.keyboard.press('Enter');
  };
  await tabTo(page, radio(page, 'role', 'parent'));
  await page.keyboard.press('Space');
  await pressContinue();
  await expect(page).toHaveURL(/\/child$/);
  await tabTo(page, field(page, 'child.fullName'));
  await page.keyboard.type('Alex Jones');
  await pressContinue();
  await expect(page).toHaveURL(/\/situation$/);
  await tabTo(page, radio(page, 'child.situation', 'looked_after'));
  await page.keyboard.press('Space');
  await pressContinue();
  await expect(page).toHaveURL(/\/service$/);
  await tabTo(page, page.locator('input[name=service]').first());
  await page.keyboard.press('Space');
  await pressContinue();
  await expect(page).toHaveURL(/\/what-happened$/);
  await tabTo(page, field(page, 'whatHappened'));
  await page.keyboard.type('Visits were cancelled.');
  await pressContinue();
  await expect(page).toHaveURL(/\/when$/);
  await tabTo(page, field(page, 'matterOn.day'));
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('11');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026');
  await pressContinue();
  await expect(page).toHaveURL(/\/proceedings$/);
  await tabTo(page, radio(page, 'courtOrTribunalProceedings', 'yes'));
  // Arrow keys move between the options of a radio group.
  await page.keyboard.press('ArrowDown');
  await expect(radio(page, 'courtOrTribunalProceedings', 'no')).toBeChecked();
  await pressContinue();
  await expect(page).toHaveURL(/\/outcome$/);
  await tabTo(page, field(page, 'desiredOutcome'));
  await page.keyboard.type('A plan.');
  await pressContinue();
  await expect(page).toHaveURL(/\/contact$/);
  await tabTo(page, field(page, 'contact.fullName'));
  await page.keyboard.type('Sam Jones');
  await page.keyboard.press('Tab');
  await page.keyboard.type(email);
  await tabTo(page, radio(page, 'contact.contactPreference', 'email'));
  await page.keyboard.press('Space');
  await tabTo(page, radio(page, 'contact.language', 'en'));
  await page.keyboard.press('Space');
  await pressContinue();
  await expect(page).toHaveURL(/\/adjustments$/);
  await tabTo(page, radio(page, 'needsAdjustments', 'yes'));
  await page.keyboard.press('ArrowDown');
  await pressContinue();
  await expect(page).toHaveURL(/\/files$/);
  await pressContinue();
  await expect(page).toHaveURL(/\/check$/);
  await tabTo(page, page.getByRole('button', { name: 'Send complaint' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/confirmation$/);
  await confirmationReference(page);
});

test('a double submit, and sending again after going back, make one case', async ({ page }) => {
  const email = uniqueEmail('double');
  await parentComplaint(page, 'en', email, { screenshots: false });
  const reference = await confirmationReference(page);
  // Back to "check your answers" and send again: the same case.
  await page.goBack();
  await page.goto('/complaint/check');
  await expect(page).toHaveURL(/\/complaint\/confirmation$/);
  expect(await confirmationReference(page)).toBe(reference);

  // A new complaint, sent twice at once (a double click) and then resent as a raw POST.
  const second = uniqueEmail('double-click');
  await page.goto('/complaint');
  const next = async (url: RegExp) => {
    await continueButton(page).click();
    await expect(page).toHaveURL(url);
  };
  await radio(page, 'role', 'foster_carer').check();
  await next(/\/child$/);
  await next(/\/situation$/);
  await radio(page, 'child.situation', 'looked_after').check();
  await next(/\/service$/);
  await page.locator('input[name=service]').first().check();
  await next(/\/what-happened$/);
  await field(page, 'whatHappened').fill('Placement moved without notice.');
  await next(/\/when$/);
  await fillDate(page, 'matterOn', '1', '11', '2026');
  await next(/\/proceedings$/);
  await radio(page, 'courtOrTribunalProceedings', 'no').check();
  await next(/\/outcome$/);
  await field(page, 'desiredOutcome').fill('Notice next time.');
  await next(/\/contact$/);
  await field(page, 'contact.fullName').fill('Chris Carer');
  await field(page, 'contact.email').fill(second);
  await radio(page, 'contact.contactPreference', 'email').check();
  await radio(page, 'contact.language', 'en').check();
  await next(/\/adjustments$/);
  await radio(page, 'needsAdjustments', 'no').check();
  await next(/\/files$/);
  await continueButton(page).click();
  await expect(page).toHaveURL(/\/complaint\/check$/);
  const csrf = await page.locator('form#submit input[name=csrf]').inputValue();
  const send = page.getByRole('button', { name: 'Send complaint' });
  await Promise.all([send.click(), send.click({ force: true }).catch(() => undefined)]);
  await expect(page).toHaveURL(/\/complaint\/confirmation$/);
  const resent = await page.request.post('/complaint/check', { form: { csrf }, headers: { origin: new URL(page.url()).origin }, maxRedirects: 0 });
  expect(resent.status()).toBe(302);
  expect(resent.headers().location).toBe('/complaint/confirmation');
  expect(await readMailbox(page, { recipient: second, template: 'acknowledgement' })).toHaveLength(1);
});

test('the language toggle keeps the place, and answers are kept with a come-back link', async ({ page, browser }) => {
  await page.goto('/complaint/who');
  await radio(page, 'role', 'relative').check();
  await continueButton(page).click();
  await expect(page).toHaveURL(/\/complaint\/consent$/);
  await page.getByRole('link', { name: 'Cymraeg' }).click();
  await expect(page).toHaveURL(/\/complaint\/consent\?lang=cy$/);
  await expect(page.locator('h1')).toContainText("Ydy'r plentyn neu'r person ifanc yn cytuno");
  await radio(page, 'youngPersonConsent', 'given').check();
  await continueButton(page).click();
  await page.getByRole('link', { name: 'Cadw a dod yn ôl yn nes ymlaen' }).click();
  await checkPage(page, 'portal-complaint-save-cy');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await checkPage(page, 'portal-complaint-save-en');
  await page.getByRole('link', { name: 'Cymraeg' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  const link = (await page.getByTestId('resume-link').textContent())?.trim() ?? '';
  expect(link).toMatch(/\/resume\/[A-Za-z0-9_-]{40,}$/);
  await field(page, 'email').fill('nid-e-bost');
  await page.getByRole('button', { name: 'Anfon y ddolen ataf' }).click();
  await expectErrors(page, 'cy', ['Rhowch gyfeiriad e-bost yn y fformat cywir'], { javaScript: false });

  // Another browser (a dropped session, another device): the link brings the answers back.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await elsewhere.goto(new URL(link).pathname);
  await expect(elsewhere).toHaveURL(/\/complaint\/child$/);
  await elsewhere.goto('/complaint/who');
  await expect(radio(elsewhere, 'role', 'relative')).toBeChecked();
  await other.close();
});
