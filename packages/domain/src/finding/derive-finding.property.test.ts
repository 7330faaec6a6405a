import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINDINGS } from '../vocabulary';
import { deriveFinding } from './derive-finding';

const arbFindings = fc.array(fc.constantFrom(...FINDINGS), { minLength: 1, maxLength: 12 });

describe('deriveFinding (properties)', () => {
  it('agrees with the points', () => {
    fc.assert(
      fc.property(arbFindings, (findings) => {
        const derived = deriveFinding(findings);
        expect(derived === 'upheld').toBe(findings.every((f) => f === 'upheld'));
        expect(derived === 'not_upheld').toBe(findings.every((f) => f === 'not_upheld'));
        expect(derived === 'partly_upheld').toBe(!findings.every((f) => f === 'upheld') && !findings.every((f) => f === 'not_upheld'));
      }),
    );
  });

  it('does not depend on the order of the points', () => {
    fc.assert(
      fc.property(arbFindings, fc.integer(), (findings, seed) => {
        const shuffled = [...findings].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7));
        expect(deriveFinding(shuffled)).toBe(deriveFinding(findings));
      }),
    );
  });

  it('is undefined whenever a point is undecided', () => {
    fc.assert(
      fc.property(arbFindings, fc.nat(), (findings, at) => {
        const withGap = [...findings];
        withGap.splice(at % (findings.length + 1), 0, null as never);
        expect(deriveFinding(withGap)).toBeUndefined();
      }),
    );
  });
});
