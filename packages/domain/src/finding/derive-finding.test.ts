import { describe, expect, it } from 'vitest';
import { countFindings, deriveFinding } from './derive-finding';

describe('deriveFinding (rules.md "Outcomes")', () => {
  it('all points upheld: upheld', () => {
    expect(deriveFinding(['upheld'])).toBe('upheld');
    expect(deriveFinding(['upheld', 'upheld', 'upheld'])).toBe('upheld');
  });

  it('no point upheld or partly upheld: not upheld', () => {
    expect(deriveFinding(['not_upheld'])).toBe('not_upheld');
    expect(deriveFinding(['not_upheld', 'not_upheld'])).toBe('not_upheld');
  });

  it('otherwise: partly upheld', () => {
    expect(deriveFinding(['upheld', 'not_upheld'])).toBe('partly_upheld');
    expect(deriveFinding(['partly_upheld'])).toBe('partly_upheld');
    expect(deriveFinding(['partly_upheld', 'not_upheld'])).toBe('partly_upheld');
    expect(deriveFinding(['upheld', 'partly_upheld'])).toBe('partly_upheld');
  });

  it('is not derived until every point has a finding', () => {
    expect(deriveFinding([])).toBeUndefined();
    expect(deriveFinding(['upheld', null])).toBeUndefined();
    expect(deriveFinding([{ finding: 'upheld' }, { finding: null }])).toBeUndefined();
  });

  it('takes points as well as findings', () => {
    expect(deriveFinding([{ finding: 'upheld' }, { finding: 'not_upheld' }])).toBe('partly_upheld');
  });

  it('counts findings', () => {
    expect(countFindings([{ finding: 'upheld' }, { finding: 'upheld' }, { finding: null }, { finding: 'not_upheld' }])).toEqual({
      upheld: 2,
      partly_upheld: 0,
      not_upheld: 1,
      undecided: 1,
    });
  });
});
