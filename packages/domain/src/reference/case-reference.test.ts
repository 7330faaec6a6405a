import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCE_ALPHABET, generateReference, generateUniqueReference, isValidReference, normaliseReference } from './case-reference';

function sequence(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] as number;
}

describe('case references', () => {
  it('look like CYP-24-7K3MM: prefix, two-digit year, four random characters and a check character', () => {
    expect(generateReference({ year: 2024, random: () => 0.5 })).toBe('CYP-24-FFFFF');
    expect(generateReference({ year: 2024, random: sequence([0.22, 0.6, 0.05, 0.6]) })).toMatch(/^CYP-24-[2-9A-Z]{5}$/);
    expect(generateReference({ prefix: 'FOI', year: 2030, random: () => 0 })).toMatch(/^FOI-30-2222/);
    expect(isValidReference('CYP-24-7K3MM')).toBe(true);
    expect(isValidReference('CYP-24-7K3M9')).toBe(false);
  });

  it('never use an easily confused character', () => {
    for (const c of '01OIQLUVZSGB') expect(REFERENCE_ALPHABET).not.toContain(c);
    expect(REFERENCE_ALPHABET).toHaveLength(24);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(24);
  });

  it('are pure: the same random numbers give the same reference', () => {
    const values = [0.3, 0.7, 0.1, 0.99];
    expect(generateReference({ year: 2024, random: sequence(values) })).toBe(generateReference({ year: 2024, random: sequence(values) }));
  });

  it('refuse a bad prefix or year', () => {
    expect(() => generateReference({ prefix: 'cyp', year: 2024, random: Math.random })).toThrow(RangeError);
    expect(() => generateReference({ year: 1999, random: Math.random })).toThrow(RangeError);
  });

  it('are unique per council: a taken reference is drawn again', () => {
    const taken = new Set(['CYP-24-FFFFF']);
    const reference = generateUniqueReference({
      year: 2024,
      random: sequence([0.5, 0.5, 0.5, 0.5, 0.1, 0.2, 0.3, 0.4]),
      isTaken: (r) => taken.has(r),
    });
    expect(reference).not.toBe('CYP-24-FFFFF');
    expect(reference && isValidReference(reference)).toBe(true);
    expect(generateUniqueReference({ year: 2024, random: () => 0.5, isTaken: (r) => taken.has(r), attempts: 3 })).toBeUndefined();
  });
});

describe('normaliseReference: what a person types', () => {
  it('accepts lower case, spaces and missing hyphens', () => {
    for (const typed of ['CYP-24-7K3MM', 'cyp-24-7k3mm', ' cyp 24 7k3mm ', 'CYP247K3MM', 'cyp.24.7k3mm']) {
      expect(normaliseReference(typed)).toEqual({ ok: true, reference: 'CYP-24-7K3MM' });
    }
  });

  it('reads confusable letters as the character meant', () => {
    const reference = generateReference({ year: 2020, random: sequence([3 / 24, 0, 4 / 24, 6 / 24]) }); // 5, 2, 6, 8
    expect(reference).toMatch(/^CYP-20-5268/);
    const typed = reference.replace('20', '2O').replace('5268', 'SZGB');
    expect(normaliseReference(typed)).toEqual({ ok: true, reference });
    expect(normaliseReference(reference.replace('-20-', '-2o-').toLowerCase())).toEqual({ ok: true, reference });
  });

  it('checks the prefix when the council is known', () => {
    expect(normaliseReference('CYP-24-7K3MM', { prefix: 'CYP' })).toEqual({ ok: true, reference: 'CYP-24-7K3MM' });
    expect(normaliseReference('FOI-24-7K3MM', { prefix: 'CYP' })).toEqual({ ok: false, key: 'errors.reference.invalid' });
  });

  it('reads a D typed in the year as the 0 it was mistaken for', () => {
    expect(normaliseReference('CYP-0D-22222')).toEqual({ ok: true, reference: 'CYP-00-22222' });
  });

  it('says when it cannot be a reference, and when one character is wrong', () => {
    expect(normaliseReference('')).toEqual({ ok: false, key: 'errors.reference.invalid' });
    expect(normaliseReference('CYP-24-7K3M')).toEqual({ ok: false, key: 'errors.reference.invalid' });
    expect(normaliseReference('CYP-24-7K3M9')).toEqual({ ok: false, key: 'errors.reference.checkFailed' });
  });

  it('catches any single wrong character (property)', () => {
    const arbReference = fc
      .record({
        year: fc.integer({ min: 2000, max: 2099 }),
        values: fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 4, maxLength: 4 }),
      })
      .map(({ year, values }) => generateReference({ year, random: sequence(values) }));
    fc.assert(
      fc.property(
        arbReference,
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(...('0123456789' + REFERENCE_ALPHABET)),
        (reference, position, replacement) => {
          const compact = reference.replace(/-/g, '');
          const index = 3 + position;
          const original = compact.charAt(index);
          // The same character, not a wrong one: the one letter of the alphabet
          // read as a year digit (a D typed for a 0, like the O it is mistaken for).
          if (original === replacement || (position < 2 && original === '0' && replacement === 'D')) return;
          const typed = compact.slice(0, index) + replacement + compact.slice(index + 1);
          const result = normaliseReference(typed);
          expect(result.ok).toBe(false);
          expect(normaliseReference(reference)).toEqual({ ok: true, reference });
        },
      ),
      { numRuns: 500 },
    );
  });
});
