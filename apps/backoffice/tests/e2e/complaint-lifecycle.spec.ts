import { expect, expectAccessible, keepScreenshot, personPage, test } from '../fixtures';
import { casePath, dueText, expectRefusal, fillDate, isoInDays, openAction, submitAction, today } from './casework-helpers';

/**
 * A Children Act complaint through the back-office, each step by the person
 * who does it in a council: the complaints officer enters it (it came by
 * phone) and triages it, the Children's Social Care manager answers it with a
 * finding per point, the complainant's request for Stage 2 is recorded, the
 * investigating officer completes Stage 2, a review panel is scheduled and
 * held, and the Ombudsman's decision is recorded. Every page is checked with
 * axe; every due date is the domain's.
 */
test('a Children Act complaint from the phone call to the Ombudsman’s decision', async ({ browser }) => {
  test.setTimeout(600_000);
  const officer = await personPage(browser, 'complaints_officer');
  const manager = await personPage(browser, 'service_manager', 'manager.csc@demo.heard.test');
  const investigator = await personPage(browser, 'investigating_officer');
  const panel = await personPage(browser, 'panel_member');
  const receivedOn = today();

  // The complaints officer enters the phone call. A form sent empty says what is missing and saves nothing.
  await officer.goto('/cases/new');
  await expectAccessible(officer, 'new case');
  await officer.getByRole('button', { name: 'Enter the case' }).click();
  await expectRefusal(officer, 'Enter your full name');
  await officer.getByLabel('Children Act complaint', { exact: true }).check();
  await officer.locator('input[name=channel][value=phone]').check();
  await fillDate(officer, 'receivedOn', receivedOn);
  await officer.getByLabel('Summary', { exact: true }).fill('Support for a foster placement');
  await officer.getByLabel('What the person told us').fill('No visit from the supervising social worker for three months.');
  await officer.getByLabel('Name', { exact: true }).fill('Alex Carer');
  await officer.getByLabel('Email address').fill('alex.carer@example.com');
  await officer.locator('input[name=contactPreference][value=email]').check();
  await officer.getByRole('button', { name: 'Enter the case' }).click();
  await expect(officer.locator('.govuk-notification-banner')).toContainText('The case has been entered');
  const stage1 = casePath(officer);
  await expect(officer.getByTestId('due-date')).toHaveText(`Due ${dueText({ type: 'children_act_complaint', stage: '1', receivedOn })}`);
  await expectAccessible(officer, 'case page, new');
  await keepScreenshot(officer, 'backoffice-case-new');

  // It waits in the triage queue.
  await officer.goto('/triage');
  await expectAccessible(officer, 'triage');
  await expect(officer.getByRole('link', { name: /CYP-/ }).first()).toBeVisible();

  // Triage: classified and routed, acknowledged from a template (previewed first), points recorded, assigned.
  await openAction(officer, stage1, 'classify', 'Classify and route');
  await officer.getByLabel('Division', { exact: true }).selectOption({ label: "Children's Social Care" });
  await officer.getByLabel('Service', { exact: true }).selectOption({ label: 'Fostering' });
  await officer.getByLabel('Communication', { exact: true }).check();
  await submitAction(officer, 'Save', 'The case has been classified');

  await openAction(officer, stage1, 'acknowledge', 'Acknowledge');
  await officer.getByRole('button', { name: 'Preview the letter' }).click();
  await expect(officer.locator('.heard-letter')).toContainText('Dear Alex Carer');
  await expectAccessible(officer, 'acknowledgement preview');
  await submitAction(officer, 'Acknowledge and record the letter as sent', 'The case has been acknowledged');
  await expect(officer.locator('details').filter({ hasText: 'We have received your case' })).toHaveCount(1);

  await openAction(officer, stage1, 'points', 'Complaint points and findings');
  await officer.getByLabel('Add a point').fill('No supervising visits for three months');
  await submitAction(officer, 'Save the points', 'The points have been saved');
  await openAction(officer, stage1, 'points', 'Complaint points and findings');
  await officer.getByLabel('Add a point').fill('Calls not returned');
  await submitAction(officer, 'Save the points', 'The points have been saved');

  await openAction(officer, stage1, 'assign', 'Assign an officer');
  await officer.getByLabel('Officer', { exact: true }).selectOption({ label: "Children's Social Care Manager" });
  await submitAction(officer, 'Assign', 'The officer has been assigned');

  // The service manager finds it in their tracker, and answers it with a finding per point.
  await manager.goto('/tracker?owner=me');
  await expectAccessible(manager, 'tracker, own cases');
  await manager.goto(stage1);
  await expectAccessible(manager, 'case page, service manager');
  await openAction(manager, stage1, 'respond', 'Send the response');
  await manager.getByRole('button', { name: 'Record the response as sent' }).click();
  await expectRefusal(manager, 'Record each complaint point and its finding before responding.');
  await openAction(manager, stage1, 'points', 'Complaint points and findings');
  await manager.getByRole('group', { name: 'Finding on point 1' }).getByLabel('Upheld', { exact: true }).check();
  await manager.getByRole('group', { name: 'Finding on point 2' }).getByLabel('Not upheld', { exact: true }).check();
  await submitAction(manager, 'Save the points', 'The points have been saved');
  await openAction(manager, stage1, 'remedy', 'Add a remedy');
  await manager.getByLabel('Apology', { exact: true }).check();
  await manager.getByLabel('Detail', { exact: true }).fill('A written apology from the service manager');
  await submitAction(manager, 'Add the remedy', 'The remedy has been added');
  await openAction(manager, stage1, 'respond', 'Send the response');
  await manager.getByLabel('Template', { exact: true }).selectOption({ label: 'Response' });
  await manager.getByRole('button', { name: 'Preview the letter' }).click();
  await expect(manager.locator('.heard-letter')).toContainText('Partly upheld');
  await submitAction(manager, 'Record the response as sent', 'The response has been recorded');
  await expect(manager.locator('.govuk-summary-list').first()).toContainText('Partly upheld');
  await expect(manager.getByRole('navigation', { name: 'What you can do' })).not.toContainText('Record a request for the next stage');

  // The complainant asks for Stage 2 (by email): the complaints team records it, and the decision.
  await openAction(officer, stage1, 'escalate', 'Record a request for the next stage');
  await submitAction(officer, 'Record the request', 'The request has been recorded and the next stage opened');
  await officer.locator('tr').filter({ hasText: 'Later stage' }).getByRole('link').click();
  const stage2 = casePath(officer);
  await expect(officer.locator('.govuk-caption-l')).toContainText('Stage 2');
  await expect(officer.locator('.govuk-tag').filter({ hasText: 'Awaiting agreed statement' }).first()).toBeVisible();
  await openAction(officer, stage2, 'decide', 'Decide the request');
  await officer.getByLabel('Rejected', { exact: true }).check();
  await officer.getByRole('button', { name: 'Record the decision' }).click();
  await expectRefusal(officer, 'Enter a reason');
  await officer.getByLabel('Accepted', { exact: true }).check();
  await submitAction(officer, 'Record the decision', 'The decision has been recorded');
  await openAction(officer, stage2, 'appoint-investigator', 'Appoint the investigating officer');
  await officer.getByLabel('Investigating officer', { exact: true }).selectOption({ label: 'Investigating Officer' });
  await submitAction(officer, 'Appoint', 'The investigating officer has been appointed');
  await openAction(officer, stage2, 'appoint-independent', 'Appoint the independent person');
  await officer.getByLabel('Independent person', { exact: true }).selectOption({ label: 'Independent Person' });
  await submitAction(officer, 'Appoint', 'The independent person has been appointed');

  // The investigating officer agrees the statement (the 25 working days start), records findings and answers.
  await investigator.goto(stage1);
  await expect(investigator.locator('h1')).toHaveText('Page not found');
  await openAction(investigator, stage2, 'agree-statement', 'Record the agreed statement of complaint');
  await submitAction(investigator, 'Record the date', 'The agreed statement has been recorded');
  await expect(investigator.getByTestId('due-date')).toHaveText(`Due ${dueText({ type: 'children_act_complaint', stage: '2', receivedOn, statementAgreedOn: receivedOn })}`);
  await openAction(investigator, stage2, 'points', 'Complaint points and findings');
  await investigator.getByRole('group', { name: 'Finding on point 1' }).getByLabel('Upheld', { exact: true }).check();
  await investigator.getByRole('group', { name: 'Finding on point 2' }).getByLabel('Upheld', { exact: true }).check();
  await submitAction(investigator, 'Save the points', 'The points have been saved');
  await openAction(investigator, stage2, 'respond', 'Send the response');
  await submitAction(investigator, 'Record the response as sent', 'The response has been recorded');

  // Stage 3: the request, the panel appointed and scheduled within its deadline, held, its findings issued.
  await openAction(officer, stage2, 'escalate', 'Record a request for the next stage');
  await submitAction(officer, 'Record the request', 'The request has been recorded and the next stage opened');
  await officer.locator('tr').filter({ hasText: 'Later stage' }).getByRole('link').click();
  const stage3 = casePath(officer);
  await openAction(officer, stage3, 'decide', 'Decide the request');
  await officer.getByLabel('Accepted', { exact: true }).check();
  await submitAction(officer, 'Record the decision', 'The decision has been recorded');
  await expect(officer.getByTestId('due-date')).toHaveText(`Due ${dueText({ type: 'children_act_complaint', stage: '3', receivedOn }, 'panel')}`);
  await openAction(officer, stage3, 'appoint-panel', 'Appoint the review panel');
  await officer.getByLabel('Panel Chair').check();
  await submitAction(officer, 'Appoint', 'The panel has been appointed');
  await openAction(officer, stage3, 'schedule-panel', 'Plan the review panel');
  await fillDate(officer, 'plannedOn', isoInDays(200));
  await officer.getByRole('button', { name: 'Save the date' }).click();
  await expectRefusal(officer, /The panel must be held by/);
  await fillDate(officer, 'plannedOn', isoInDays(14));
  await submitAction(officer, 'Save the date', 'The panel date has been planned');
  await expect(officer.locator('table').filter({ hasText: 'Deadlines of this stage' })).toContainText('Review panel');

  await openAction(panel, stage3, 'panel-held', 'Record that the panel was held');
  await submitAction(panel, 'Record the panel', 'The panel has been recorded');
  await expect(panel.getByTestId('due-date')).toHaveText(`Due ${dueText({ type: 'children_act_complaint', stage: '3', receivedOn, panelHeldOn: receivedOn }, 'panel_findings')}`);
  await openAction(panel, stage3, 'panel-findings', "Record the panel's findings");
  await submitAction(panel, 'Record the findings', 'The findings have been recorded');

  await openAction(officer, stage3, 'points', 'Complaint points and findings');
  await officer.getByRole('group', { name: 'Finding on point 1' }).getByLabel('Upheld', { exact: true }).check();
  await officer.getByRole('group', { name: 'Finding on point 2' }).getByLabel('Partly upheld', { exact: true }).check();
  await submitAction(officer, 'Save the points', 'The points have been saved');
  await openAction(officer, stage3, 'respond', 'Send the response');
  await submitAction(officer, 'Record the response as sent', 'The response has been recorded');

  // The Ombudsman: the enquiry, its decision to investigate, and its final decision with remedies, complied with.
  await openAction(officer, stage3, 'refer-ombudsman', 'Record a complaint to the Ombudsman');
  await officer.getByLabel("Ombudsman's reference").fill('LGSCO 26 000 123');
  await submitAction(officer, 'Record it', "The Ombudsman's enquiry has been opened");
  await officer.locator('tr').filter({ hasText: 'Later stage' }).getByRole('link').click();
  const ombudsman = casePath(officer);
  await openAction(officer, ombudsman, 'ombudsman-decision', "Record the Ombudsman's decision");
  await officer.getByLabel('To be investigated', { exact: true }).check();
  await submitAction(officer, 'Record the decision', 'The decision has been recorded');
  await openAction(officer, ombudsman, 'ombudsman-outcome', "Record the Ombudsman's final decision");
  await officer.getByLabel('Fault causing injustice', { exact: true }).check();
  await officer.getByLabel('Apology', { exact: true }).check();
  await officer.getByLabel('Financial remedy', { exact: true }).check();
  await officer.getByLabel('Amount of any financial remedy, in pounds').fill('250');
  await fillDate(officer, 'complianceDueOn', isoInDays(30));
  await submitAction(officer, 'Record the final decision', 'The final decision has been recorded');
  await expect(officer.locator('table').filter({ hasText: 'Remedies' })).toContainText('£250.00');
  await officer.getByRole('link', { name: 'Record the date' }).first().click();
  await expectAccessible(officer, 'remedy complied');
  await fillDate(officer, 'compliedOn', receivedOn);
  await submitAction(officer, 'Save', 'The date has been recorded');
  await expect(officer.locator('.govuk-summary-list').first()).toContainText('Fault causing injustice');
  await keepScreenshot(officer, 'backoffice-case-ombudsman');

  // The timeline has it all, and the Welsh page passes axe too.
  await officer.goto(`${stage1}?lang=cy`);
  await expect(officer.locator('table').filter({ hasText: 'Llinell amser' })).toContainText('Anfonwyd ymateb');
  await expectAccessible(officer, 'case page, Welsh');
  await officer.goto(`${stage1}?lang=en`);
  for (const person of [officer, manager, investigator, panel]) await person.context().close();
});
