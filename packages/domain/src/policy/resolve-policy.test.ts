import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../calendar/working-day-calendar';
import { BASE_POLICY, SHIPPED_POLICY_VERSIONS, WALES_SOCIAL_SERVICES_OVERRIDE } from './default-policies';
import { ZTimescalePolicy } from './policy-schema';
import { createCaseRules, mergePolicy, resolvePolicy, validateCouncilPolicyVersions } from './resolve-policy';
import type { PolicyVersion } from './timescale-policy';
import { timescaleKeyFor } from './timescale-policy';

/** Seed 002's council: corporate Stage 1 in 28 calendar days. */
const seed002: PolicyVersion = {
  effectiveFrom: '2019-04-01',
  override: {
    name: 'Corporate complaints policy 2019',
    timescales: { 'corporate_complaint.1': { response: { limit: 28, unit: 'calendar' } } },
  },
};

describe('shipped defaults (rules.md)', () => {
  it('are valid policies, before and after the Complaint Handling Code', () => {
    expect(ZTimescalePolicy.safeParse(BASE_POLICY).success).toBe(true);
    expect(ZTimescalePolicy.safeParse(resolvePolicy('2026-04-01')).success).toBe(true);
  });

  it('Children Act complaints: Stage 1 10 working days up to 20; Stage 2 25 from the agreed statement up to 65; Stage 3 panel 30/5/15', () => {
    const t = resolvePolicy('2024-01-10').timescales;
    expect(t['children_act_complaint.1']?.acknowledgement).toMatchObject({ limit: 3, unit: 'working', from: 'received' });
    expect(t['children_act_complaint.1']?.response).toMatchObject({
      limit: 10,
      unit: 'working',
      from: 'received',
      extension: { allowed: true, limit: 20 },
    });
    expect(t['children_act_complaint.2']?.response).toMatchObject({
      limit: 25,
      from: 'statement_agreed',
      extension: { allowed: true, limit: 65 },
    });
    expect(t['children_act_complaint.3']?.panel).toMatchObject({ limit: 30, from: 'received' });
    expect(t['children_act_complaint.3']?.panelFindings).toMatchObject({ limit: 5, from: 'panel_held' });
    expect(t['children_act_complaint.3']?.response).toMatchObject({ limit: 15, from: 'findings_issued' });
  });

  it('corporate complaints before 1 April 2026: 10 / 20 / 30 working days from receipt', () => {
    const t = resolvePolicy('2026-03-31').timescales;
    expect(t['corporate_complaint.1']?.acknowledgement?.limit).toBe(3);
    expect(t['corporate_complaint.1']?.response).toMatchObject({ limit: 10, from: 'received', extension: { allowed: false } });
    expect(t['corporate_complaint.2']?.response).toMatchObject({ limit: 20, from: 'received' });
    expect(t['corporate_complaint.3']?.response).toMatchObject({ limit: 30 });
  });

  it('corporate complaints from 1 April 2026 follow the Complaint Handling Code', () => {
    const policy = resolvePolicy('2026-04-01');
    const t = policy.timescales;
    expect(policy.name).toBe('LGSCO Complaint Handling Code');
    expect(t['corporate_complaint.1']?.acknowledgement).toMatchObject({ limit: 5, from: 'received' });
    expect(t['corporate_complaint.1']?.response).toMatchObject({
      limit: 10,
      from: 'acknowledged',
      extension: { allowed: true, limit: 20 },
    });
    expect(t['corporate_complaint.2']?.acknowledgement).toMatchObject({ limit: 5 });
    expect(t['corporate_complaint.2']?.response).toMatchObject({
      limit: 20,
      from: 'acknowledged',
      extension: { allowed: true, limit: 40 },
    });
    expect(t['corporate_complaint.2']?.independentResponder).toBe(true);
    expect(t['corporate_complaint.3']).toBeNull();
    // Children Act complaints are not governed by the Code.
    expect(t['children_act_complaint.1']).toEqual(BASE_POLICY.timescales['children_act_complaint.1']);
  });

  it('enquiries 10 working days; FOI 20 on the all-UK calendar, up to 40; compliments no deadline', () => {
    const t = BASE_POLICY.timescales;
    for (const type of ['general_enquiry', 'member_enquiry', 'mp_enquiry', 'mayor_enquiry', 'chief_executive_enquiry'] as const) {
      expect(t[type]?.response).toMatchObject({ limit: 10, unit: 'working', calendar: 'council' });
    }
    expect(t['foi_request.request']?.response).toMatchObject({ limit: 20, calendar: 'foi', extension: { allowed: true, limit: 40 } });
    expect(t['foi_request.internal_review']?.response).toMatchObject({
      limit: 20,
      calendar: 'foi',
      extension: { allowed: true, limit: 40 },
    });
    expect(t.compliment).toMatchObject({ acknowledgement: null, response: null });
    expect(BASE_POLICY.escalationWindow.limit).toBe(20);
    expect(BASE_POLICY.foiInternalReviewWindow.limit).toBe(40);
    expect(BASE_POLICY.amberWithinWorkingDays).toBe(3);
    expect(BASE_POLICY.foi).toEqual({ clarificationRestartsClock: true, feeNoticePausesClock: true, feeNoticeLapsesAfterMonths: 3 });
  });

  it('maps case types and stages to timescale keys', () => {
    expect(timescaleKeyFor('corporate_complaint', '1')).toBe('corporate_complaint.1');
    expect(timescaleKeyFor('mp_enquiry', null)).toBe('mp_enquiry');
    expect(timescaleKeyFor('foi_request', 'internal_review')).toBe('foi_request.internal_review');
    expect(timescaleKeyFor('mp_enquiry', '1')).toBeUndefined();
  });
});

describe('council overrides', () => {
  it('seed 002: corporate Stage 1 in 28 calendar days, cited as the council policy', () => {
    const response = resolvePolicy('2019-06-03', [seed002]).timescales['corporate_complaint.1']?.response;
    expect(response).toMatchObject({
      limit: 28,
      unit: 'calendar',
      from: 'received',
      source: { kind: 'council', citation: 'Corporate complaints policy 2019' },
    });
    // everything else is still the default
    expect(resolvePolicy('2019-06-03', [seed002]).timescales['children_act_complaint.1']).toEqual(
      BASE_POLICY.timescales['children_act_complaint.1'],
    );
  });

  it('apply from their date, never retroactively', () => {
    expect(resolvePolicy('2019-03-31', [seed002]).timescales['corporate_complaint.1']?.response?.limit).toBe(10);
    expect(resolvePolicy('2019-04-01', [seed002]).timescales['corporate_complaint.1']?.response?.limit).toBe(28);
    const v2: PolicyVersion = {
      effectiveFrom: '2024-01-01',
      override: { timescales: { 'corporate_complaint.1': { response: { limit: 15 } } } },
    };
    expect(resolvePolicy('2023-12-31', [seed002, v2]).timescales['corporate_complaint.1']?.response).toMatchObject({
      limit: 28,
      unit: 'calendar',
    });
    // versions are not cumulative: v2 states all the council's differences
    expect(resolvePolicy('2024-01-01', [seed002, v2]).timescales['corporate_complaint.1']?.response).toMatchObject({
      limit: 15,
      unit: 'working',
    });
  });

  it('an earlier corporate override does not outlive the Complaint Handling Code; a later one does', () => {
    expect(resolvePolicy('2026-04-01', [seed002]).timescales['corporate_complaint.1']?.response).toMatchObject({
      limit: 10,
      from: 'acknowledged',
    });
    const after: PolicyVersion = {
      effectiveFrom: '2026-04-01',
      override: { timescales: { 'corporate_complaint.1': { response: { limit: 28, unit: 'calendar' } } } },
    };
    expect(resolvePolicy('2026-05-01', [seed002, after]).timescales['corporate_complaint.1']?.response).toMatchObject({
      limit: 28,
      unit: 'calendar',
      from: 'acknowledged',
    });
    // other parts of an older override still apply after the Code
    const calendar: PolicyVersion = { effectiveFrom: '2020-01-01', override: { calendar: 'scotland', amberWithinWorkingDays: 5 } };
    expect(resolvePolicy('2026-05-01', [calendar])).toMatchObject({ calendar: 'scotland', amberWithinWorkingDays: 5 });
  });

  it('can remove a stage or restore one', () => {
    const noStage3: PolicyVersion = { effectiveFrom: '2020-01-01', override: { timescales: { 'corporate_complaint.3': null } } };
    expect(resolvePolicy('2021-01-01', [noStage3]).timescales['corporate_complaint.3']).toBeNull();
    const restore: PolicyVersion = {
      effectiveFrom: '2026-04-01',
      override: {
        timescales: {
          'corporate_complaint.3': { response: { limit: 30, source: { kind: 'council', citation: 'Independent Adjudicator' } } },
        },
      },
    };
    expect(resolvePolicy('2026-06-01', [restore]).timescales['corporate_complaint.3']?.response).toMatchObject({
      limit: 30,
      unit: 'working',
      from: 'received',
    });
  });

  it('the Wales preset: acknowledge in 2, local resolution 10, investigation 25, no panel', () => {
    const wales = mergePolicy(BASE_POLICY, WALES_SOCIAL_SERVICES_OVERRIDE);
    expect(wales.timescales['children_act_complaint.1']?.acknowledgement?.limit).toBe(2);
    expect(wales.timescales['children_act_complaint.1']?.response).toMatchObject({ limit: 10, extension: { allowed: false } });
    expect(wales.timescales['children_act_complaint.2']?.response).toMatchObject({ limit: 25, from: 'received' });
    expect(wales.timescales['children_act_complaint.3']).toBeNull();
    expect(ZTimescalePolicy.safeParse(wales).success).toBe(true);
  });
});

describe('validateCouncilPolicyVersions', () => {
  it('accepts good versions', () => {
    expect(validateCouncilPolicyVersions([seed002, { effectiveFrom: '2026-04-01', override: { amberWithinWorkingDays: 5 } }])).toEqual([]);
  });

  it('explains what is wrong, as message keys', () => {
    const problems = validateCouncilPolicyVersions([
      { effectiveFrom: '2020-01-01', override: { timescales: { 'children_act_complaint.1': { response: { extension: { limit: 5 } } } } } },
      { effectiveFrom: '2020-01-01', override: { timescales: { compliment: { response: { unit: 'working' } } } } },
      { effectiveFrom: '2021-02-30', override: {} },
      { effectiveFrom: '2021-01-01', override: { colour: 'blue' } },
      { effectiveFrom: '2021-01-02', override: { timescales: { general_enquiry: { response: { limit: 0 } } } } },
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ version: 0, key: 'errors.policy.extensionShorter', params: { limit: 10 } }),
        expect.objectContaining({ version: 1, key: 'errors.policy.duplicateDate', params: { date: '2020-01-01' } }),
        expect.objectContaining({
          version: 1,
          key: 'errors.policy.newClockNeedsDays',
          path: 'override.timescales.compliment.response.limit',
        }),
        expect.objectContaining({ version: 2, key: 'errors.date.format', path: 'effectiveFrom' }),
        expect.objectContaining({ version: 3, key: 'errors.unknownField', params: { name: 'colour' } }),
        expect.objectContaining({ version: 4, key: 'errors.policy.days' }),
      ]),
    );
  });
});

describe('createCaseRules', () => {
  it('puts closure days on the council calendar only, never on FOI (FOIA s.10(6))', () => {
    const rules = createCaseRules(BASE_POLICY, [{ date: '2024-12-27', name: 'Council closure' }]);
    expect(isWorkingDay(rules.calendars.council, '2024-12-27')).toBe(false);
    expect(isWorkingDay(rules.calendars.foi, '2024-12-27')).toBe(true);
    expect(createCaseRules(BASE_POLICY, [{ date: '2024-12-27', name: 'Council closure' }]).calendars.council).toBe(rules.calendars.council);
  });

  it('uses the council calendar the policy names', () => {
    const rules = createCaseRules(mergePolicy(BASE_POLICY, { calendar: 'scotland' }));
    expect(rules.calendars.council.id).toBe('scotland');
    expect(SHIPPED_POLICY_VERSIONS[0]?.effectiveFrom).toBe('2026-04-01');
  });
});
