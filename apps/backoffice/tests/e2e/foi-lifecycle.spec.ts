import { expect, personPage, signInWith, test } from '../fixtures';
import { casePath, checkOnce, dueText, expectRefusal, fillDate, openAction, submitAction, today } from './casework-helpers';

/**
 * An FOI request by email: clarification asked for (the clock stops) and
 * received (it starts again), a public interest extension, a partial answer
 * citing an exemption, the disclosure log; an internal review answered by a
 * second complaints officer (an administrator adds them), and an appeal to
 * the Information Commissioner.
 */
test('an FOI request through clarification, internal review and an ICO appeal', async ({ browser }) => {
  test.setTimeout(1_500_000);
  const officer = await personPage(browser, 'complaints_officer');
  const admin = await personPage(browser, 'administrator');
  const receivedOn = today();

  // The administrator adds a second complaints officer, who sets up their authenticator from the secret shown once.
  await admin.goto('/admin/users');
  await checkOnce(admin, 'admin users');
  await admin.getByLabel('Name', { exact: true }).fill('Review Officer');
  await admin.getByLabel('Email address').fill('review.officer@demo.heard.test');
  await admin.getByLabel('Password', { exact: true }).fill('a long review officer password');
  await admin.getByRole('button', { name: 'Add', exact: true }).click();
  const secret = (await admin.locator('.govuk-panel code').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await admin.getByRole('link', { name: 'Review Officer' }).click();
  await checkOnce(admin, 'admin user');
  await admin.getByLabel('Complaints officer', { exact: true }).check();
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(admin.locator('table')).toContainText('Review Officer');

  // The request arrives by email.
  await officer.goto('/cases/new');
  await officer.getByLabel('FOI request', { exact: true }).check();
  await officer.locator('input[name=channel][value=email]').check();
  await fillDate(officer, 'receivedOn', receivedOn);
  await officer.getByLabel('Summary', { exact: true }).fill('Agency social worker spend');
  await officer.getByLabel('What the person told us').fill('How much was spent on agency social workers in 2025-26?');
  await officer.getByLabel('Name', { exact: true }).fill('Sam Requester');
  await officer.getByLabel('Email address').fill('sam.requester@example.com');
  await officer.getByRole('button', { name: 'Enter the case' }).click();
  await expect(officer.locator('.govuk-notification-banner')).toContainText('The case has been entered');
  const request = casePath(officer);
  await expect(officer.getByTestId('due-date')).toHaveText(`Due ${dueText({ type: 'foi_request', stage: 'request', receivedOn })}`);

  // Clarification: the clock stops, then starts again from the day it arrives.
  await openAction(officer, request, 'clarification-request', 'Ask for clarification');
  await officer.getByLabel('Template', { exact: true }).selectOption({ label: 'Clarification request' });
  await submitAction(officer, 'Record the request', 'The clock has stopped until the clarification arrives');
  await expect(officer.getByTestId('due-date')).toHaveText('Not started yet');
  await openAction(officer, request, 'clarification-received', 'Record the clarification');
  await submitAction(officer, 'Record it', 'The clock has started again');
  await expect(officer.getByTestId('due-date')).toHaveText(`Due ${dueText({ type: 'foi_request', stage: 'request', receivedOn, clarifications: [{ requestedOn: receivedOn, receivedOn }] })}`);

  // A public interest test: up to 20 more working days.
  await openAction(officer, request, 'foi-extend', 'Extend for a public interest test');
  await officer.getByLabel('New time limit, in days').fill('41');
  await fillDate(officer, 'agreedOn', receivedOn);
  await officer.getByLabel('Why (the public interest test)').fill('Section 36 public interest test');
  await officer.getByRole('button', { name: 'Extend' }).click();
  await expectRefusal(officer, 'The time limit can be extended to 40 days at most.');
  await officer.getByLabel('New time limit, in days').fill('40');
  await submitAction(officer, 'Extend', 'The deadline has been extended');
  await expect(officer.getByTestId('due-date')).toHaveText(
    `Due ${dueText({ type: 'foi_request', stage: 'request', receivedOn, clarifications: [{ requestedOn: receivedOn, receivedOn }], extension: { limit: 40, agreedOn: receivedOn, reason: 'x' } })}`,
  );

  // The answer: partly provided, the exemption cited; then the disclosure log, without personal data.
  await openAction(officer, request, 'foi-respond', 'Answer the request');
  await officer.getByLabel('Partly provided', { exact: true }).check();
  await officer.getByRole('button', { name: 'Record the answer' }).click();
  await expectRefusal(officer, 'Choose the exemptions cited for what was withheld');
  await officer.getByLabel('s.40 Personal information').check();
  await submitAction(officer, 'Record the answer', 'The answer has been recorded');
  await expect(officer.locator('.govuk-summary-list').first()).toContainText('s.40 Personal information');
  await openAction(officer, request, 'publish', 'Publish to the disclosure log');
  await officer.getByLabel('Title for the log').fill('Agency social worker spend 2025-26');
  await officer.getByLabel('What was asked and answered').fill('Asked by Sam Requester: the total spend');
  await officer.getByRole('button', { name: 'Publish' }).click();
  await expectRefusal(officer, 'Take out the requester');
  await officer.getByLabel('What was asked and answered').fill('The total spend was provided; the agencies’ staff names were withheld (s.40).');
  await submitAction(officer, 'Publish', 'Published to the disclosure log');

  // The internal review: not by the officer who answered the request.
  await openAction(officer, request, 'escalate', 'Record a request for the next stage');
  await submitAction(officer, 'Record the request', 'The request has been recorded and the next stage opened');
  await officer.locator('tr').filter({ hasText: 'Later stage' }).getByRole('link').click();
  const review = casePath(officer);
  await expect(officer.locator('.govuk-caption-l')).toContainText('Internal review');
  await openAction(officer, review, 'foi-respond', 'Answer the request');
  await officer.getByLabel('Provided', { exact: true }).check();
  await officer.getByRole('button', { name: 'Record the answer' }).click();
  await expectRefusal(officer, 'Someone other than the person who answered the previous stage must deal with this one.');

  const reviewer = await browser.newContext({ baseURL: test.info().project.use.baseURL }).then((context) => context.newPage());
  await signInWith(reviewer, { email: 'review.officer@demo.heard.test', password: 'a long review officer password', secret });
  await openAction(reviewer, review, 'foi-respond', 'Answer the request');
  await reviewer.getByLabel('Provided', { exact: true }).check();
  await submitAction(reviewer, 'Record the answer', 'The answer has been recorded');

  // The requester appealed to the Information Commissioner.
  await openAction(officer, review, 'escalate', 'Record a request for the next stage');
  await submitAction(officer, 'Record the request', 'The request has been recorded and the next stage opened');
  await officer.locator('tr').filter({ hasText: 'Later stage' }).getByRole('link').click();
  await expect(officer.locator('.govuk-caption-l')).toContainText('Information Commissioner');
  await checkOnce(officer, 'case page, ICO appeal');
  for (const person of [officer, admin, reviewer]) await person.context().close();
});
