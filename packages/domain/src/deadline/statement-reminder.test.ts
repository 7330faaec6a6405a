import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../calendar/iso-date';
import { BASE_POLICY, WALES_SOCIAL_SERVICES_OVERRIDE } from '../policy/default-policies';
import { createCaseRules, mergePolicy, resolvePolicy, validateCouncilPolicyVersions } from '../policy/resolve-policy';
import { statementReminderOn } from './statement-reminder';
import type { StatementReminderFacts } from './statement-reminder';

const rules = createCaseRules(BASE_POLICY);

/** A statutory Stage 2 accepted on `acceptedOn`, its statement not yet agreed. */
const stage2 = (acceptedOn: string, extra: Partial<StatementReminderFacts> = {}): StatementReminderFacts => ({
  type: 'children_act_complaint',
  stage: '2',
  receivedOn: '2024-04-22',
  status: 'in_progress',
  request: { decision: 'accepted', decidedOn: acceptedOn },
  statementAgreedOn: null,
  ...extra,
});

/** Every day of May and June 2024 on which a reminder is due. */
function reminderDays(facts: StatementReminderFacts, caseRules = rules): string[] {
  const days: string[] = [];
  for (let day = '2024-05-01'; day <= '2024-06-30'; day = addCalendarDays(day, 1)) {
    if (statementReminderOn(facts, day, caseRules)) days.push(day);
  }
  return days;
}

describe('the "awaiting agreed statement" reminder (statutory Stage 2, regulations 16-17)', () => {
  it('defaults to every 10 working days after acceptance, a council target', () => {
    expect(BASE_POLICY.statementReminder).toMatchObject({ limit: 10, repeat: true, source: { kind: 'council' } });
  });

  it('falls on the 10th working day after acceptance, across the Early May bank holiday, and every 10 after', () => {
    // Accepted Thursday 2 May 2024: Monday 6 May and Monday 27 May are bank holidays.
    expect(reminderDays(stage2('2024-05-02'))).toEqual(['2024-05-17', '2024-06-03', '2024-06-17']);
    expect(statementReminderOn(stage2('2024-05-02'), '2024-05-17', rules)).toEqual({
      acceptedOn: '2024-05-02',
      targetOn: '2024-05-17',
      workingDays: 10,
      count: 1,
    });
    expect(statementReminderOn(stage2('2024-05-02'), '2024-06-03', rules)).toMatchObject({ workingDays: 20, count: 2, targetOn: '2024-05-17' });
  });

  it('skips the council’s closure days too, and never falls on a day that is not a working day', () => {
    const closed = createCaseRules(BASE_POLICY, [{ date: '2024-05-17', name: 'Council closure' }]);
    expect(reminderDays(stage2('2024-05-02'), closed)[0]).toBe('2024-05-20');
    expect(statementReminderOn(stage2('2024-05-02'), '2024-05-18', rules)).toBeNull(); // Saturday after the 10th
  });

  it('is sent once when the council’s rule does not repeat, after the number of days it sets', () => {
    const once = createCaseRules(mergePolicy(BASE_POLICY, { statementReminder: { limit: 5, repeat: false } }));
    expect(reminderDays(stage2('2024-05-02'), once)).toEqual(['2024-05-10']);
    expect(once.policy.statementReminder?.source).toEqual({ kind: 'council', citation: 'Council policy' });
  });

  it('stops once the statement is agreed, and waits for the request to be accepted', () => {
    expect(reminderDays(stage2('2024-05-02', { statementAgreedOn: '2024-05-16' }))).toEqual([]);
    expect(reminderDays(stage2('2024-05-02', { request: { decision: null, decidedOn: null } }))).toEqual([]);
    expect(reminderDays(stage2('2024-05-02', { request: { decision: 'on_hold', decidedOn: '2024-05-02' }, status: 'on_hold' }))).toEqual([]);
  });

  it('is not sent for a case on hold, answered or closed, nor for stages whose clock does not await a statement', () => {
    for (const status of ['on_hold', 'responded', 'closed', 'withdrawn']) expect(reminderDays(stage2('2024-05-02', { status }))).toEqual([]);
    expect(reminderDays(stage2('2024-05-02', { type: 'corporate_complaint' }))).toEqual([]);
    expect(reminderDays(stage2('2024-05-02', { stage: '3' }))).toEqual([]);
    // Wales: the formal investigation runs from receipt, so there is no statement to wait for.
    const wales = createCaseRules(mergePolicy(BASE_POLICY, WALES_SOCIAL_SERVICES_OVERRIDE));
    expect(reminderDays(stage2('2024-05-02'), wales)).toEqual([]);
  });

  it('can be turned off by a council, and a council’s version is validated', () => {
    const off = resolvePolicy('2024-05-01', [{ effectiveFrom: '2024-01-01', override: { statementReminder: null } }]);
    expect(reminderDays(stage2('2024-05-02'), createCaseRules(off))).toEqual([]);
    expect(validateCouncilPolicyVersions([{ effectiveFrom: '2024-01-01', override: { statementReminder: { limit: 15 } } }])).toEqual([]);
    expect(validateCouncilPolicyVersions([{ effectiveFrom: '2024-01-01', override: { statementReminder: { limit: 0 } } }])).toHaveLength(1);
  });
});
