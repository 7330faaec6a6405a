import { computeDeadline, formatDate, rulesForCase, toUkDate } from '@heard/domain';
import { checkPage, confirmationReference, continueButton, expect, expectErrors, field, latestMessage, radio, readMailbox, tabTo, test, uniqueEmail } from '../fixtures';

test.describe.configure({ timeout: 240_000 });

/** A deadline of a case received today, from @heard/domain, as the pages write it. */
function dueDate(type: 'foi_request' | 'mp_enquiry', language: 'en' | 'cy'): string {
  const receivedOn = toUkDate(new Date());
  const deadline = computeDeadline({ type, stage: type === 'foi_request' ? 'request' : null, receivedOn }, 'response', rulesForCase({ receivedOn }));
  if (deadline.status !== 'due') throw new Error('expected a due date');
  return formatDate(deadline.dueOn, language);
}

for (const language of ['en', 'cy'] as const) {
  test(`a compliment is made, and may be shared without the person's name (${language})`, async ({ page }) => {
    const email = uniqueEmail(`compliment-${language}`);
    await page.goto(`/compliment?lang=${language}`);
    await expect(page).toHaveURL(/\/compliment\/service$/);
    await checkPage(page, `portal-compliment-service-${language}`);
    await page.locator('input[name=service]').nth(2).check();
    await continueButton(page).click();
    await expect(page).toHaveURL(/\/compliment\/person$/);
    await checkPage(page, `portal-compliment-person-${language}`);
    await field(page, 'aboutWhom').fill('Jo, our social worker');
    await continueButton(page).click();
    await checkPage(page, `portal-compliment-message-${language}`);
    await continueButton(page).click();
    await expectErrors(page, language, [language === 'cy' ? 'Dywedwch wrthym beth yr hoffech ei ddweud' : 'Tell us what you would like to say']);
    await checkPage(page, `portal-compliment-message-errors-${language}`);
    await field(page, 'message').fill('Jo went above and beyond for our family this year.');
    await continueButton(page).click();
    await expect(page).toHaveURL(/\/compliment\/share$/);
    await checkPage(page, `portal-compliment-share-${language}`);
    await radio(page, 'mayShare', 'yes').check();
    await continueButton(page).click();
    await expect(page).toHaveURL(/\/compliment\/reply$/);
    await checkPage(page, `portal-compliment-reply-${language}`);
    await radio(page, 'wantsReply', 'yes').check();
    await radio(page, 'language', language).check();
    await continueButton(page).click();
    await expectErrors(page, language, [language === 'cy' ? 'Rhowch eich cyfeiriad e-bost' : 'Enter your email address']);
    await field(page, 'email').fill(email);
    await continueButton(page).click();
    await expect(page).toHaveURL(/\/compliment\/check$/);
    await checkPage(page, `portal-compliment-check-${language}`);
    await page.getByRole('button', { name: language === 'cy' ? 'Anfon y ganmoliaeth' : 'Send compliment' }).click();
    await expect(page).toHaveURL(/\/compliment\/confirmation$/);
    await checkPage(page, `portal-compliment-confirmation-${language}`);
    const reference = await confirmationReference(page);
    expect((await latestMessage(page, email, 'acknowledgement')).payload.reference).toBe(reference);
  });

  test(`an MP's office raises a resident's question, due in 10 working days (${language})`, async ({ page }) => {
    const email = uniqueEmail(`mp-${language}`);
    await page.goto(`/enquiry?lang=${language}`);
    await checkPage(page, `portal-enquiry-route-${language}`);
    await radio(page, 'route', 'mp').check();
    await continueButton(page).click();
    await expect(page).toHaveURL(/\/enquiry\/resident$/);
    await checkPage(page, `portal-enquiry-resident-${language}`);
    await continueButton(page).click();
    await expectErrors(page, language, [language === 'cy' ? 'Rhowch enw’r person rydych yn ysgrifennu ar ei ran' : 'Enter the name of the person you are writing on behalf of']);
    await checkPage(page, `portal-enquiry-resident-errors-${language}`);
    await field(page, 'office').fill('MP for Anytown');
    await field(page, 'onBehalfOf.fullName').fill('Ms R Resident');
    await continueButton(page).click();
    await checkPage(page, `portal-enquiry-service-${language}`);
    await page.locator('input[name=service]').first().check();
    await continueButton(page).click();
    await checkPage(page, `portal-enquiry-question-${language}`);
    await field(page, 'question').fill('When will the education, health and care plan be finalised?');
    await continueButton(page).click();
    await checkPage(page, `portal-enquiry-contact-${language}`);
    await field(page, 'enquirer.fullName').fill('Office of J Bloggs MP');
    await field(page, 'enquirer.email').fill(email);
    await radio(page, 'enquirer.contactPreference', 'email').check();
    await radio(page, 'enquirer.language', language).check();
    await continueButton(page).click();
    await expect(page).toHaveURL(/\/enquiry\/check$/);
    await checkPage(page, `portal-enquiry-check-${language}`);
    await page.getByRole('button', { name: language === 'cy' ? 'Anfon y cwestiwn' : 'Send question' }).click();
    await expect(page).toHaveURL(/\/enquiry\/confirmation$/);
    await expect(page.getByTestId('due')).toContainText(dueDate('mp_enquiry', language));
    await checkPage(page, `portal-enquiry-confirmation-${language}`);
  });

  test(`an FOI request is made, and the confirmation explains the 20 working days and the due date on the FOI calendar (${language})`, async ({ page }) => {
    const email = uniqueEmail(`foi-${language}`);
    await page.goto(`/foi?lang=${language}`);
    await checkPage(page, `portal-foi-request-${language}`);
    await continueButton(page).click();
    await expectErrors(page, language, [language === 'cy' ? 'Disgrifiwch yr wybodaeth rydych chi ei heisiau' : 'Describe the information you want']);
    await checkPage(page, `portal-foi-request-errors-${language}`);
    await field(page, 'request').fill('How many education, health and care plans were finalised within 20 weeks in 2025?');
    await continueButton(page).click();
    await checkPage(page, `portal-foi-format-${language}`);
    await radio(page, 'preferredFormat', 'electronic').check();
    await continueButton(page).click();
    await checkPage(page, `portal-foi-contact-${language}`);
    await field(page, 'fullName').fill('Pat Smith');
    await radio(page, 'language', language).check();
    await continueButton(page).click();
    await expectErrors(page, language, [language === 'cy' ? 'Rhowch gyfeiriad e-bost neu gyfeiriad post i ni' : 'Give us an email address or a postal address']);
    await checkPage(page, `portal-foi-contact-errors-${language}`);
    await field(page, 'email').fill(email);
    await continueButton(page).click();
    await expect(page).toHaveURL(/\/foi\/check$/);
    await checkPage(page, `portal-foi-check-${language}`);
    await page.getByRole('button', { name: language === 'cy' ? 'Anfon y cais' : 'Send request' }).click();
    await expect(page).toHaveURL(/\/foi\/confirmation$/);
    await expect(page.locator('main')).toContainText(language === 'cy' ? '20 diwrnod gwaith' : '20 working days');
    await expect(page.getByTestId('due')).toContainText(dueDate('foi_request', language));
    await checkPage(page, `portal-foi-confirmation-${language}`);
    const reference = await confirmationReference(page);
    expect((await latestMessage(page, email, 'acknowledgement')).payload.reference).toBe(reference);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a compliment, an enquiry and an FOI request can each be made', async ({ page }) => {
    const email = uniqueEmail('nojs-three');
    await page.goto('/compliment/service?lang=en');
    await page.locator('input[name=service][value=not_sure]').check();
    await continueButton(page).click();
    await continueButton(page).click();
    await field(page, 'message').fill('Thank you.');
    await continueButton(page).click();
    await radio(page, 'mayShare', 'no').check();
    await continueButton(page).click();
    await radio(page, 'wantsReply', 'no').check();
    await radio(page, 'language', 'en').check();
    await continueButton(page).click();
    await page.getByRole('button', { name: 'Send compliment' }).click();
    await confirmationReference(page);

    await page.goto('/enquiry');
    await radio(page, 'route', 'general').check();
    await continueButton(page).click();
    await expect(page).toHaveURL(/\/enquiry\/service$/);
    await page.locator('input[name=service][value=not_sure]').check();
    await continueButton(page).click();
    await field(page, 'question').fill('How do I apply for school transport?');
    await continueButton(page).click();
    await field(page, 'enquirer.fullName').fill('Sam Jones');
    await field(page, 'enquirer.email').fill(email);
    await radio(page, 'enquirer.contactPreference', 'email').check();
    await radio(page, 'enquirer.language', 'en').check();
    await continueButton(page).click();
    await page.getByRole('button', { name: 'Send question' }).click();
    await confirmationReference(page);

    await page.goto('/foi');
    await field(page, 'request').fill('The children’s services budget for 2026.');
    await continueButton(page).click();
    await radio(page, 'preferredFormat', 'paper').check();
    await continueButton(page).click();
    await field(page, 'fullName').fill('Sam Jones');
    await field(page, 'address.line1').fill('1 High Street');
    await field(page, 'address.postcode').fill('CF10 1AA');
    await radio(page, 'language', 'en').check();
    await continueButton(page).click();
    await page.getByRole('button', { name: 'Send request' }).click();
    await confirmationReference(page);
    expect(await readMailbox(page, { recipient: email, template: 'acknowledgement' })).toHaveLength(1);
  });
});

test('an FOI request can be made by keyboard alone', async ({ page }) => {
  const email = uniqueEmail('foi-keyboard');
  const next = async () => {
    await tabTo(page, continueButton(page));
    await page.keyboard.press('Enter');
  };
  await page.goto('/foi?lang=en');
  await tabTo(page, field(page, 'request'));
  await page.keyboard.type('Numbers of complaints in 2025.');
  await next();
  await expect(page).toHaveURL(/\/format$/);
  await tabTo(page, radio(page, 'preferredFormat', 'electronic'));
  await page.keyboard.press('Space');
  await next();
  await expect(page).toHaveURL(/\/contact$/);
  await tabTo(page, field(page, 'fullName'));
  await page.keyboard.type('Pat Smith');
  await tabTo(page, field(page, 'email'));
  await page.keyboard.type(email);
  await tabTo(page, radio(page, 'language', 'en'));
  await page.keyboard.press('Space');
  await next();
  await expect(page).toHaveURL(/\/check$/);
  await tabTo(page, page.getByRole('button', { name: 'Send request' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/confirmation$/);
  await confirmationReference(page);
});
