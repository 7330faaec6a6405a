import type { DomainMessageKey } from '../schemas/messages';

/**
 * Case references people read out on the phone and type from a letter:
 * `CYP-24-7K3MM` is the council's prefix, the two-digit year received, four
 * random characters and a check character. The alphabet leaves out both
 * characters of every easily confused pair: 0/O/Q, 1/I/L, U/V, 2/Z, 5/S,
 * 6/G, 8/B keep only one side each, or neither.
 * 24 characters: 331,776 references per prefix per year, against a few
 * thousand cases a year at the busiest council; a clash is retried.
 */
export const REFERENCE_ALPHABET = '23456789ACDEFHJKMNPRTWXY';
const N = REFERENCE_ALPHABET.length;
const RANDOM_CHARACTERS = 4;
const PREFIX_PATTERN = /^[A-Z]{2,5}$/;

/** Letters people type for a character of the alphabet (or for a year digit). */
const BODY_CONFUSABLES: Readonly<Record<string, string>> = { B: '8', G: '6', S: '5', Z: '2' };
const YEAR_CONFUSABLES: Readonly<Record<string, string>> = { O: '0', Q: '0', D: '0', I: '1', L: '1' };

/** The values the check character covers: year digits by their value, body characters by their place in the alphabet. */
function valuesOf(year: string, body: string): number[] {
  return [...[...year].map(Number), ...[...body].map((c) => REFERENCE_ALPHABET.indexOf(c))];
}

/** Luhn mod N over the year and the random characters: catches any single wrong character and most swaps. */
function checkCharacter(values: readonly number[]): string {
  let factor = 2;
  let sum = 0;
  for (let i = values.length - 1; i >= 0; i -= 1) {
    let addend = factor * (values[i] as number);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return REFERENCE_ALPHABET.charAt((N - (sum % N)) % N);
}

function isCheckValid(year: string, body: string): boolean {
  return checkCharacter(valuesOf(year, body.slice(0, -1))) === body.slice(-1);
}

/** Options of a council's references. */
export type ReferenceFormat = {
  /** 2 to 5 capital letters; `CYP` by default. */
  prefix?: string;
};

/**
 * A new reference for a case received in `year`, from a source of random
 * numbers in [0, 1) (pass `Math.random`, or `crypto`-based, or a seeded
 * generator in tests: the function itself is pure).
 *
 * @example generateReference({ year: 2024, random: () => 0.5 }) // 'CYP-24-FFFFF'
 */
export function generateReference(input: ReferenceFormat & { year: number; random: () => number }): string {
  const prefix = input.prefix ?? 'CYP';
  if (!PREFIX_PATTERN.test(prefix)) throw new RangeError(`A reference prefix is 2 to 5 capital letters: ${prefix}`);
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2099) throw new RangeError(`Year out of range: ${input.year}`);
  const yy = String(input.year % 100).padStart(2, '0');
  let body = '';
  for (let i = 0; i < RANDOM_CHARACTERS; i += 1) {
    const r = input.random();
    const index = Math.min(N - 1, Math.max(0, Math.floor(r * N)));
    body += REFERENCE_ALPHABET.charAt(Number.isFinite(index) ? index : 0);
  }
  return `${prefix}-${yy}-${body}${checkCharacter(valuesOf(yy, body))}`;
}

/**
 * A reference not yet taken: references are unique per council, so the
 * caller passes what it knows is taken (the database's unique index is the
 * last word: on a clash, call again). `undefined` after `attempts` clashes.
 *
 * @example generateUniqueReference({ year: 2024, random: Math.random, isTaken: (r) => existing.has(r) })
 */
export function generateUniqueReference(
  input: ReferenceFormat & { year: number; random: () => number; isTaken: (reference: string) => boolean; attempts?: number },
): string | undefined {
  for (let attempt = 0; attempt < (input.attempts ?? 20); attempt += 1) {
    const reference = generateReference(input);
    if (!input.isTaken(reference)) return reference;
  }
  return undefined;
}

/** The result of reading a reference someone typed. */
export type NormalisedReference = { ok: true; reference: string } | { ok: false; key: DomainMessageKey };

/**
 * Reads a reference as a person types it: any case, spaces, dots or no
 * hyphens, a letter O for a zero in the year, S for 5, B for 8 and so on.
 * Returns the canonical form, or a message key saying what to do.
 *
 * @example normaliseReference(' cyp 24 7k3mm ') // { ok: true, reference: 'CYP-24-7K3MM' }
 * @example normaliseReference('cyp-24-7k3mm'.replace('4', 'S')) // { ok: false, key: 'errors.reference.invalid' }
 */
export function normaliseReference(input: string, format: ReferenceFormat = {}): NormalisedReference {
  const compact = input.toUpperCase().replace(/[\s\-._/]/g, '');
  let prefix: string;
  let rest: string;
  if (format.prefix) {
    if (!compact.startsWith(format.prefix)) return { ok: false, key: 'errors.reference.invalid' };
    prefix = format.prefix;
    rest = compact.slice(prefix.length);
  } else {
    const match = /^([A-Z]{2,5})(.*)$/.exec(compact);
    if (!match) return { ok: false, key: 'errors.reference.invalid' };
    prefix = match[1] as string;
    rest = match[2] as string;
  }
  if (rest.length !== 2 + RANDOM_CHARACTERS + 1) return { ok: false, key: 'errors.reference.invalid' };
  const year = [...rest.slice(0, 2)].map((c) => YEAR_CONFUSABLES[c] ?? c).join('');
  const body = [...rest.slice(2)].map((c) => BODY_CONFUSABLES[c] ?? c).join('');
  if (!/^\d\d$/.test(year) || [...body].some((c) => !REFERENCE_ALPHABET.includes(c))) return { ok: false, key: 'errors.reference.invalid' };
  if (!isCheckValid(year, body)) return { ok: false, key: 'errors.reference.checkFailed' };
  return { ok: true, reference: `${prefix}-${year}-${body}` };
}

/**
 * True when `reference` is exactly in canonical form with a valid check character.
 *
 * @example isValidReference(generateReference({ year: 2024, random: Math.random })) // true
 */
export function isValidReference(reference: string): boolean {
  const match = /^([A-Z]{2,5})-(\d\d)-([2-9A-Z]{5})$/.exec(reference);
  if (!match) return false;
  const body = match[3] as string;
  return [...body].every((c) => REFERENCE_ALPHABET.includes(c)) && isCheckValid(match[2] as string, body);
}
