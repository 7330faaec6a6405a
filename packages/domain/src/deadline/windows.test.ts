import { describe, expect, it } from 'vitest';
import { BASE_POLICY } from '../policy/default-policies';
import { createCaseRules } from '../policy/resolve-policy';
import {
  computeFeeNoticeLapseDate,
  computeOmbudsmanTimeLimit,
  computeRequestWindow,
  computeRetentionDate,
  computeStatutoryTimeLimit,
} from './windows';

const rules = createCaseRules(BASE_POLICY);

describe('request windows', () => {
  it('next stage: within 20 working days of the response (response day is day 0)', () => {
    expect(computeRequestWindow('2024-01-15', 'next_stage', rules)).toMatchObject({
      opensOn: '2024-01-15',
      closesOn: '2024-02-12',
      limit: 20,
    });
    // over Easter 2024
    expect(computeRequestWindow('2024-03-20', 'next_stage', rules).closesOn).toBe('2024-04-19');
  });

  it('FOI internal review: within 40 working days of the response, on the all-UK calendar', () => {
    // 40 FOI working days from 3 July 2023 skip 12 July (NI) and 7 August (Scotland) and 28 August (England and Wales)
    expect(computeRequestWindow('2023-07-03', 'foi_internal_review', rules).closesOn).toBe('2023-08-31');
  });
});

describe('time limits', () => {
  it('a statutory complaint within a year of the matter (reg. 9)', () => {
    expect(computeStatutoryTimeLimit('2023-04-12', BASE_POLICY)).toBe('2024-04-12');
    expect(computeStatutoryTimeLimit('2023-02-28', BASE_POLICY)).toBe('2024-02-28');
    expect(computeStatutoryTimeLimit('2024-02-29', BASE_POLICY)).toBe('2025-02-28');
  });

  it('the Ombudsman normally within 12 months', () => {
    expect(computeOmbudsmanTimeLimit('2024-01-31', BASE_POLICY)).toBe('2025-01-31');
  });

  it('records are anonymised 6 years after closure by default', () => {
    expect(computeRetentionDate('2024-03-31', BASE_POLICY)).toBe('2030-03-31');
    expect(computeRetentionDate('2024-03-31', { ...BASE_POLICY, retentionYears: 7 })).toBe('2031-03-31');
  });

  it('an unpaid FOI fees notice lapses after three months (FOIA s.9(2))', () => {
    expect(computeFeeNoticeLapseDate('2024-01-31', BASE_POLICY)).toBe('2024-04-30');
  });
});
