import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, type CasePage } from './case-actions';

/** The forms a case page offers agree with what the API allows (it still decides, and shows its refusals). */
function applies(
  name: string,
  page: { case: Record<string, unknown>; state?: Record<string, unknown>; links?: Record<string, unknown>[] },
): boolean {
  const action = CASE_ACTIONS.find((a) => a.name === name);
  if (!action) throw new Error(`no action ${name}`);
  return action.applies({ state: {}, links: [], ...page } as unknown as CasePage);
}

const complaint = { type: 'corporate_complaint', stage: '1', status: 'responded' };
const ombudsmanCase = (status: string) => ({ kind: 'child', stage: 'ombudsman', status, type: 'corporate_complaint' });

describe('refer to the Ombudsman', () => {
  it('is offered for a complaint not referred yet', () => {
    expect(applies('refer-ombudsman', { case: complaint, state: { referredToOmbudsmanOn: null } })).toBe(true);
  });

  it('is not offered while a referral is with the Ombudsman', () => {
    expect(
      applies('refer-ombudsman', { case: complaint, state: { referredToOmbudsmanOn: '2025-06-10' }, links: [ombudsmanCase('received')] }),
    ).toBe(false);
    expect(
      applies('refer-ombudsman', {
        case: complaint,
        state: { referredToOmbudsmanOn: '2025-06-10' },
        links: [ombudsmanCase('closed'), ombudsmanCase('in_progress')],
      }),
    ).toBe(false);
    // Referred, with no Ombudsman case to show it came back.
    expect(applies('refer-ombudsman', { case: complaint, state: { referredToOmbudsmanOn: '2025-06-10' } })).toBe(false);
  });

  it('is offered again once the Ombudsman closed the referral (sent back as premature)', () => {
    expect(
      applies('refer-ombudsman', { case: complaint, state: { referredToOmbudsmanOn: '2025-06-10' }, links: [ombudsmanCase('closed')] }),
    ).toBe(true);
  });

  it('is not offered on an Ombudsman case', () => {
    expect(applies('refer-ombudsman', { case: { ...complaint, stage: 'ombudsman' }, state: { referredToOmbudsmanOn: null } })).toBe(false);
  });
});

describe('learning actions', () => {
  it('are offered on upheld and partly upheld complaints only', () => {
    expect(applies('learning', { case: complaint, state: { outcome: 'upheld' } })).toBe(true);
    expect(applies('learning', { case: { ...complaint, type: 'children_act_complaint' }, state: { outcome: 'partly_upheld' } })).toBe(true);
    expect(applies('learning', { case: complaint, state: { outcome: 'not_upheld' } })).toBe(false);
    expect(applies('learning', { case: { ...complaint, status: 'in_progress' }, state: { outcome: null } })).toBe(false);
    expect(applies('learning', { case: complaint, state: { outcome: 'local_resolution' } })).toBe(false);
  });

  it('are not offered on other kinds of case', () => {
    expect(
      applies('learning', { case: { type: 'foi_request', stage: 'request', status: 'responded' }, state: { outcome: 'provided' } }),
    ).toBe(false);
    expect(applies('learning', { case: { type: 'compliment', stage: null, status: 'closed' }, state: { outcome: null } })).toBe(false);
  });
});
