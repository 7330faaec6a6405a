import { describe, expect, it } from 'vitest';
import { BASE_POLICY } from '../policy/default-policies';
import { createCaseRules, resolvePolicy, rulesForCase } from '../policy/resolve-policy';
import type { PolicyVersion } from '../policy/timescale-policy';
import { computeDeadline, findClock } from './compute-deadline';
import type { CaseClockFacts, Deadline } from './compute-deadline';
import { computeDueDate } from './count-days';
import { renderDeadline } from './describe-deadline';
import { isOnTime, ragStatus } from './rag';

const rules = createCaseRules(BASE_POLICY);

function due(deadline: Deadline): string | undefined {
  return deadline.status === 'due' ? deadline.dueOn : undefined;
}

function skippedDates(deadline: Deadline): string[] {
  return deadline.status === 'due' ? (deadline.explanation?.skipped.map((s) => `${s.date} ${s.reason}`) ?? []) : [];
}

const stage1 = (receivedOn: string, extra: Partial<CaseClockFacts> = {}): CaseClockFacts => ({
  type: 'children_act_complaint',
  stage: '1',
  receivedOn,
  ...extra,
});

describe('Children Act Stage 1 across Easter 2024 (Good Friday 29 March, Easter Monday 1 April)', () => {
  const facts = stage1('2024-03-28');

  it('acknowledgement in 3 working days, response in 10', () => {
    expect(due(computeDeadline(facts, 'acknowledgement', rules))).toBe('2024-04-04');
    expect(due(computeDeadline(facts, 'response', rules))).toBe('2024-04-15');
  });

  it('extended for a complex case to 20 working days, from the same start', () => {
    const extended = computeDeadline({ ...facts, extension: { limit: 20, agreedOn: '2024-04-10', reason: 'Complex' } }, 'response', rules);
    expect(due(extended)).toBe('2024-04-29');
    expect(extended).toMatchObject({ limit: 20, extended: true });
    expect(due(computeDeadline({ ...facts, complex: true }, 'response', rules))).toBe('2024-04-29');
    // an extension never goes beyond the policy's extended limit
    expect(due(computeDeadline({ ...facts, extension: { limit: 30, agreedOn: '2024-04-10', reason: 'x' } }, 'response', rules))).toBe(
      '2024-04-29',
    );
  });

  it('explains each day not counted, in English and Welsh', () => {
    const deadline = computeDeadline(facts, 'response', rules);
    expect(skippedDates(deadline)).toEqual([
      '2024-03-29 bank_holiday',
      '2024-03-30 weekend',
      '2024-03-31 weekend',
      '2024-04-01 bank_holiday',
      '2024-04-06 weekend',
      '2024-04-07 weekend',
      '2024-04-13 weekend',
      '2024-04-14 weekend',
    ]);
    expect(renderDeadline(deadline, 'en')).toEqual([
      'Received on 28 March 2024: this is day 0.',
      'Time limit: 10 working days (Children Act 1989 Representations Procedure (England) Regulations 2006 and Getting the Best from Complaints: local resolution in 10 working days, up to 20).',
      'Working days are Monday to Friday, except bank holidays in England and Wales.',
      'Weekend days not counted: 6.',
      'Not counted: 29 March 2024, Good Friday (bank holiday).',
      'Not counted: 1 April 2024, Easter Monday (bank holiday).',
      'Deadline: Monday 15 April 2024.',
    ]);
    expect(renderDeadline(deadline, 'cy')).toEqual([
      'Wedi dod i law ar 28 Mawrth 2024: dyma ddiwrnod 0.',
      'Terfyn amser: 10 diwrnod gwaith (Children Act 1989 Representations Procedure (England) Regulations 2006 and Getting the Best from Complaints: local resolution in 10 working days, up to 20).',
      'Diwrnodau gwaith yw dydd Llun i ddydd Gwener, ac eithrio gwyliau banc yng Nghymru a Lloegr.',
      'Diwrnodau penwythnos heb eu cyfrif: 6.',
      'Heb ei gyfrif: 29 Mawrth 2024, Dydd Gwener y Groglith (gŵyl banc).',
      'Heb ei gyfrif: 1 Ebrill 2024, Dydd Llun y Pasg (gŵyl banc).',
      'Dyddiad cau: Dydd Llun 15 Ebrill 2024.',
    ]);
  });

  it('a response on the deadline day is on time; the day after is late', () => {
    const deadline = computeDeadline(facts, 'response', rules);
    expect(isOnTime('2024-04-15', '2024-04-15')).toBe(true);
    expect(isOnTime('2024-04-16', '2024-04-15')).toBe(false);
    expect(ragStatus(deadline, '2024-04-20', rules, { answeredOn: '2024-04-15' })).toBe('met');
    expect(ragStatus(deadline, '2024-04-20', rules, { answeredOn: '2024-04-16' })).toBe('missed');
  });

  it('RAG: green, then amber within 3 working days (weekends not counted), red when overdue', () => {
    const deadline = computeDeadline(facts, 'response', rules);
    expect(ragStatus(deadline, '2024-04-09', rules)).toBe('green'); // 4 working days to go
    expect(ragStatus(deadline, '2024-04-10', rules)).toBe('amber'); // 3
    expect(ragStatus(deadline, '2024-04-13', rules)).toBe('amber'); // Saturday: 1
    expect(ragStatus(deadline, '2024-04-15', rules)).toBe('amber'); // the deadline day
    expect(ragStatus(deadline, '2024-04-16', rules)).toBe('red');
    expect(ragStatus(deadline, '2024-04-09', rules, { amberWithinWorkingDays: 5 })).toBe('amber');
  });
});

describe('the 2023 Coronation bank holiday (8 May)', () => {
  it('corporate Stage 1 received 2 May 2023 is due 17 May', () => {
    const deadline = computeDeadline({ type: 'corporate_complaint', stage: '1', receivedOn: '2023-05-02' }, 'response', rules);
    expect(due(deadline)).toBe('2023-05-17');
    expect(renderDeadline(deadline, 'en')).toContain(
      'Not counted: 8 May 2023, Bank holiday for the coronation of King Charles III (bank holiday).',
    );
    expect(renderDeadline(deadline, 'cy')).toContain(
      'Heb ei gyfrif: 8 Mai 2023, Gŵyl banc ar gyfer coroni’r Brenin Charles III (gŵyl banc).',
    );
  });
});

describe('Christmas and New Year substitute days', () => {
  it('an MP enquiry received 20 December 2022 is due 6 January 2023 (26, 27 Dec and 2 Jan skipped)', () => {
    const deadline = computeDeadline({ type: 'mp_enquiry', stage: null, receivedOn: '2022-12-20' }, 'response', rules);
    expect(due(deadline)).toBe('2023-01-06');
    expect(skippedDates(deadline).filter((d) => d.endsWith('bank_holiday'))).toEqual([
      '2022-12-26 bank_holiday',
      '2022-12-27 bank_holiday',
      '2023-01-02 bank_holiday',
    ]);
  });

  it('a member enquiry received 23 December 2021 is due 11 January 2022 (27, 28 Dec and 3 Jan skipped)', () => {
    // counted: 24, 29, 30, 31 December; 4, 5, 6, 7, 10, 11 January
    const deadline = computeDeadline({ type: 'member_enquiry', stage: null, receivedOn: '2021-12-23' }, 'response', rules);
    expect(due(deadline)).toBe('2022-01-11');
    expect(skippedDates(deadline).filter((d) => d.endsWith('bank_holiday'))).toEqual([
      '2021-12-27 bank_holiday',
      '2021-12-28 bank_holiday',
      '2022-01-03 bank_holiday',
    ]);
  });
});

describe('a Saturday receipt', () => {
  it('day 1 is the Monday: a general enquiry received Saturday 23 March 2024 is due 9 April', () => {
    const deadline = computeDeadline({ type: 'general_enquiry', stage: null, receivedOn: '2024-03-23' }, 'response', rules);
    expect(due(deadline)).toBe('2024-04-09');
    expect(renderDeadline(deadline, 'en')[0]).toBe('Received on 23 March 2024: this is day 0.');
  });
});

describe('FOI: 20 working days on the all-UK calendar (FOIA s.10(1), s.10(6))', () => {
  const foi = (receivedOn: string, extra: Partial<CaseClockFacts> = {}): CaseClockFacts => ({
    type: 'foi_request',
    stage: 'request',
    receivedOn,
    ...extra,
  });

  it('skips 12 July (Battle of the Boyne, Northern Ireland)', () => {
    const deadline = computeDeadline(foi('2023-07-03'), 'response', rules);
    expect(due(deadline)).toBe('2023-08-01');
    expect(renderDeadline(deadline, 'en')).toEqual([
      'Received on 3 July 2023: this is day 0.',
      'Time limit: 20 working days (FOIA s.10(1): 20 working days; s.10(3) public interest, up to 20 more; s.10(6) all-UK holidays).',
      'Working days are Monday to Friday, except bank holidays anywhere in the UK (Freedom of Information Act 2000, section 10(6)).',
      'Weekend days not counted: 8.',
      'Not counted: 12 July 2023, Battle of the Boyne (Orangemen’s Day) (bank holiday in Northern Ireland).',
      'Deadline: Tuesday 1 August 2023.',
    ]);
    expect(renderDeadline(deadline, 'cy')).toContain(
      'Heb ei gyfrif: 12 Gorffennaf 2023, Brwydr y Boyne (Diwrnod yr Orangemen) (gŵyl banc yng Ngogledd Iwerddon).',
    );
  });

  it('skips the first Monday of August in Scotland (7 August 2023)', () => {
    expect(due(computeDeadline(foi('2023-07-10'), 'response', rules))).toBe('2023-08-09');
  });

  it('skips 30 November (St Andrew’s Day) and 2 January (Scotland)', () => {
    const deadline = computeDeadline(foi('2023-11-29'), 'response', rules);
    expect(due(deadline)).toBe('2024-01-03');
    const lines = renderDeadline(deadline, 'en');
    expect(lines).toContain('Not counted: 30 November 2023, St Andrew’s Day (bank holiday in Scotland).');
    expect(lines).toContain('Not counted: 25 December 2023, Christmas Day (bank holiday).');
    expect(lines).toContain('Not counted: 2 January 2024, 2nd January (bank holiday in Scotland).');
    // a corporate complaint received the same day does not skip them
    expect(due(computeDeadline({ type: 'general_enquiry', stage: null, receivedOn: '2023-11-29' }, 'response', rules))).toBe('2023-12-13');
  });

  it('skips 17 March (St Patrick’s Day, Northern Ireland)', () => {
    expect(due(computeDeadline(foi('2023-03-01'), 'response', rules))).toBe('2023-03-30');
  });

  it('restarts when a requested clarification arrives (FOIA s.1(3))', () => {
    const waiting = computeDeadline(
      foi('2024-01-08', { clarifications: [{ requestedOn: '2024-01-10', receivedOn: null }] }),
      'response',
      rules,
    );
    expect(waiting).toMatchObject({ status: 'awaiting', awaiting: 'clarification' });
    expect(ragStatus(waiting, '2024-01-12', rules)).toBe('awaiting');
    const restarted = computeDeadline(
      foi('2024-01-08', { clarifications: [{ requestedOn: '2024-01-10', receivedOn: '2024-01-15' }] }),
      'response',
      rules,
    );
    expect(due(restarted)).toBe('2024-02-12');
    expect(renderDeadline(restarted, 'en')[0]).toBe(
      'The clarification we asked for arrived on 15 January 2024, so the time limit started again from this day, day 0.',
    );
  });

  it('pauses while a fees notice is unpaid (FOIA s.10(2))', () => {
    const unpaid = computeDeadline(foi('2024-01-08', { feeNotices: [{ issuedOn: '2024-01-10', paidOn: null }] }), 'response', rules);
    expect(unpaid).toMatchObject({ status: 'paused', pausedFrom: '2024-01-10', remaining: 19 });
    expect(ragStatus(unpaid, '2024-01-20', rules)).toBe('paused');
    const paid = computeDeadline(foi('2024-01-08', { feeNotices: [{ issuedOn: '2024-01-10', paidOn: '2024-01-17' }] }), 'response', rules);
    expect(due(paid)).toBe('2024-02-13');
    expect(renderDeadline(paid, 'en')).toContain(
      'Not counted: 10 January 2024 to 17 January 2024, while a fee was unpaid (Freedom of Information Act 2000, section 10(2)).',
    );
    expect(due(computeDeadline(foi('2024-01-08'), 'response', rules))).toBe('2024-02-05');
  });

  it('may be extended by up to 20 working days for a public interest test', () => {
    const extended = computeDeadline(
      foi('2024-01-08', { extension: { limit: 40, agreedOn: '2024-01-30', reason: 'Public interest test' } }),
      'response',
      rules,
    );
    expect(due(extended)).toBe('2024-03-04');
    expect(renderDeadline(extended, 'en')).toContain('Extended from 20 to 40 days, agreed on 30 January 2024.');
  });

  it('internal review in 20 working days, 40 at most', () => {
    expect(due(computeDeadline({ type: 'foi_request', stage: 'internal_review', receivedOn: '2023-07-03' }, 'response', rules))).toBe(
      '2023-08-01',
    );
    const extended = computeDeadline(
      {
        type: 'foi_request',
        stage: 'internal_review',
        receivedOn: '2023-07-03',
        extension: { limit: 40, agreedOn: '2023-07-20', reason: 'Complex' },
      },
      'response',
      rules,
    );
    expect(extended).toMatchObject({ limit: 40 });
  });
});

describe('statutory Stage 2: the clock starts when the statement of complaint is agreed', () => {
  it('shows "awaiting agreed statement" until then', () => {
    const deadline = computeDeadline({ type: 'children_act_complaint', stage: '2', receivedOn: '2024-03-01' }, 'response', rules);
    expect(deadline).toMatchObject({ status: 'awaiting', awaiting: 'statement_agreed', provisionalDueOn: null });
    expect(ragStatus(deadline, '2024-03-20', rules)).toBe('awaiting_agreed_statement');
    expect(renderDeadline(deadline, 'en')).toEqual([
      'Awaiting the agreed statement of complaint: the 25 working days start when it is agreed.',
    ]);
    // The acknowledgement still counts from the request.
    expect(due(computeDeadline({ type: 'children_act_complaint', stage: '2', receivedOn: '2024-03-01' }, 'acknowledgement', rules))).toBe(
      '2024-03-06',
    );
  });

  it('25 working days from the agreed statement (over Easter 2024), extendable to 65', () => {
    const facts: CaseClockFacts = { type: 'children_act_complaint', stage: '2', receivedOn: '2024-03-01', statementAgreedOn: '2024-03-18' };
    expect(due(computeDeadline(facts, 'response', rules))).toBe('2024-04-24');
    const extended = computeDeadline(
      { ...facts, extension: { limit: 65, agreedOn: '2024-04-10', reason: 'Volume of records' } },
      'response',
      rules,
    );
    expect(extended).toMatchObject({ limit: 65 });
  });
});

describe('statutory Stage 3: the review panel’s three limits', () => {
  const facts: CaseClockFacts = { type: 'children_act_complaint', stage: '3', receivedOn: '2024-01-08' };

  it('panel within 30 working days of the request; findings within 5 of the panel; response within 15 of the findings', () => {
    expect(due(computeDeadline(facts, 'panel', rules))).toBe('2024-02-19');
    expect(computeDeadline(facts, 'panel_findings', rules)).toMatchObject({ status: 'awaiting', awaiting: 'panel_held' });
    expect(computeDeadline(facts, 'response', rules)).toMatchObject({ status: 'awaiting', awaiting: 'findings_issued' });
    const held = { ...facts, panelHeldOn: '2024-02-15' };
    expect(due(computeDeadline(held, 'panel_findings', rules))).toBe('2024-02-22');
    expect(due(computeDeadline({ ...held, findingsIssuedOn: '2024-02-22' }, 'response', rules))).toBe('2024-03-14');
  });
});

describe('corporate complaints under the Complaint Handling Code (from 1 April 2026)', () => {
  const chc = rulesForCase({ receivedOn: '2026-04-01' });
  const facts: CaseClockFacts = { type: 'corporate_complaint', stage: '1', receivedOn: '2026-04-01' };

  it('acknowledge in 5 working days (over Easter 2026)', () => {
    expect(due(computeDeadline(facts, 'acknowledgement', chc))).toBe('2026-04-10');
  });

  it('respond within 10 working days of the acknowledgement; before it, a provisional date', () => {
    const before = computeDeadline(facts, 'response', chc);
    expect(before).toMatchObject({ status: 'awaiting', awaiting: 'acknowledged', provisionalDueOn: '2026-04-24' });
    expect(renderDeadline(before, 'en')).toEqual([
      'The time limit starts when the case is acknowledged. If it is acknowledged on the last day allowed, the deadline will be Friday 24 April 2026.',
    ]);
    const acknowledged = computeDeadline({ ...facts, acknowledgedOn: '2026-04-07' }, 'response', chc);
    expect(due(acknowledged)).toBe('2026-04-21');
    expect(renderDeadline(acknowledged, 'en')[0]).toBe(
      'Acknowledged on 7 April 2026: the time limit counts from the acknowledgement, day 0.',
    );
  });

  it('extendable by up to 10 more working days', () => {
    const extended = computeDeadline(
      { ...facts, acknowledgedOn: '2026-04-07', extension: { limit: 20, agreedOn: '2026-04-15', reason: 'Complex' } },
      'response',
      chc,
    );
    expect(due(extended)).toBe('2026-05-06');
  });

  it('Stage 2: 20 working days of its acknowledgement, up to 40; no Stage 3', () => {
    const stage2: CaseClockFacts = { type: 'corporate_complaint', stage: '2', receivedOn: '2026-05-01', acknowledgedOn: '2026-05-05' };
    const rules2 = rulesForCase({ receivedOn: '2026-05-01' });
    expect(findClock(rules2, 'corporate_complaint', '2', 'response')).toMatchObject({ limit: 20, extension: { limit: 40 } });
    // 25 May 2026 is the Spring bank holiday
    expect(due(computeDeadline(stage2, 'response', rules2))).toBe('2026-06-03');
    expect(
      computeDeadline(
        { type: 'corporate_complaint', stage: '3', receivedOn: '2026-06-10' },
        'response',
        rulesForCase({ receivedOn: '2026-06-10' }),
      ),
    ).toEqual({
      kind: 'response',
      status: 'none',
      reason: 'stage_not_offered',
    });
  });

  it('a case received on 31 March 2026 keeps the earlier policy: 10 working days from receipt', () => {
    const before = rulesForCase({ receivedOn: '2026-03-31' });
    expect(due(computeDeadline({ type: 'corporate_complaint', stage: '1', receivedOn: '2026-03-31' }, 'response', before))).toBe(
      '2026-04-16',
    );
  });
});

describe('seed 002: a council whose corporate Stage 1 is 28 calendar days', () => {
  const seed002: PolicyVersion = {
    effectiveFrom: '2019-04-01',
    override: { timescales: { 'corporate_complaint.1': { response: { limit: 28, unit: 'calendar' } } } },
  };

  it('counts calendar days from the day after receipt', () => {
    const rules002 = rulesForCase({ receivedOn: '2019-06-03', councilVersions: [seed002] });
    const deadline = computeDeadline({ type: 'corporate_complaint', stage: '1', receivedOn: '2019-06-03' }, 'response', rules002);
    expect(due(deadline)).toBe('2019-07-01');
    expect(renderDeadline(deadline, 'en')).toEqual([
      'Received on 3 June 2019: this is day 0.',
      'Time limit: 28 calendar days, counted from the next day (the council’s policy: Council policy).',
      'Deadline: Monday 1 July 2019.',
    ]);
    // A calendar-day deadline is not moved off a weekend: the rule is calendar days.
    expect(computeDueDate({ from: '2019-06-01', days: 28, unit: 'calendar', calendar: rules002.calendars.council })).toBe('2019-06-29');
  });
});

describe('compliments have no deadline', () => {
  it('status none, RAG "no deadline"', () => {
    const deadline = computeDeadline({ type: 'compliment', stage: null, receivedOn: '2024-03-28' }, 'response', rules);
    expect(deadline).toEqual({ kind: 'response', status: 'none', reason: 'no_timescale' });
    expect(ragStatus(deadline, '2024-03-28', rules)).toBe('no_deadline');
    expect(renderDeadline(deadline, 'cy')).toEqual(['Nid oes dyddiad cau ar gyfer hyn.']);
  });
});

describe('council closure days', () => {
  it('are skipped and named in the explanation', () => {
    const closures = createCaseRules(resolvePolicy('2024-12-20'), [
      { date: '2024-12-27', name: 'Christmas closure' },
      { date: '2024-12-30', name: 'Christmas closure' },
      { date: '2024-12-31', name: 'Christmas closure' },
    ]);
    const deadline = computeDeadline(stage1('2024-12-20'), 'acknowledgement', closures);
    expect(due(deadline)).toBe('2025-01-02');
    const lines = renderDeadline(deadline, 'en');
    expect(lines).toContain('The council’s closure days are not working days either.');
    expect(lines).toContain('Not counted: 27 December 2024, the council was closed (Christmas closure).');
    expect(lines).toContain('Not counted: 1 January 2025, New Year’s Day (bank holiday).');
  });
});

describe('beyond the bank holiday data (after 2030)', () => {
  it('flags the deadline and says so', () => {
    const deadline = computeDeadline(stage1('2030-12-20'), 'response', rules);
    expect(deadline).toMatchObject({ status: 'due', holidayDataComplete: false });
    expect(renderDeadline(deadline, 'en')).toContain(
      'Bank holidays after 31 December 2030 are not known yet, so after that date only weekends and closure days were skipped. Check this deadline.',
    );
    expect(computeDeadline(stage1('2030-11-20'), 'response', rules)).toMatchObject({ holidayDataComplete: true });
  });
});
