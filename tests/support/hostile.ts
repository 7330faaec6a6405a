/**
 * Hostile values for the fuzz suites: what a careless, confused or malicious
 * client sends. Strings that are huge, hold control characters, SQL and HTML
 * fragments, emoji and right-to-left text; values of the wrong type; objects
 * with prototype-polluting keys.
 */
import fc from 'fast-check';

const SQL_FRAGMENTS = [
  "'; drop table cases; --",
  "' or '1'='1",
  '1; select pg_sleep(5); --',
  '$$; reset role; select * from cases; $$',
  "x' union select token_hash from sessions --",
  "\\'; set role postgres; --",
  "set_config('heard.council_id', '00000000-0000-0000-0000-000000000000', false)",
];

const HTML_FRAGMENTS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '<svg/onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '</textarea><script>document.cookie</script>',
  '<!--',
  '&lt;b&gt;&amp;',
];

const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\u001b[31m',
  '\u007f',
  '\r\n',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\u200B',
  '\uD800',
  '\uDFFF',
];

const UNICODE = [
  'Zoë Ångström-Łukasiewicz',
  'שלום עולם', // Hebrew, right to left
  'مرحبا بالعالم', // Arabic, right to left
  '\u202Egnp.exe', // right-to-left override
  '👩‍👩‍👧‍👦🏳️‍🌈🧒🏽',
  'Z̷̢̛͎̞a̸̛̩͗l̵̟̓g̵̰̈́ǒ̶̱',
  'ﷺ'.repeat(40),
  'Ⅻ①²³',
  '\u{1F600}'.repeat(100),
  'Cymraeg: ŵŷâêîôû',
];

/** Strings no form expects. */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      ...SQL_FRAGMENTS,
      ...HTML_FRAGMENTS,
      ...CONTROL,
      ...UNICODE,
      '',
      ' ',
      '\t\n',
      'null',
      'undefined',
      'NaN',
      '__proto__',
      '%00',
      '../../etc/passwd',
      '${7*7}',
      '%s%s%s%n',
    ),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    // Huge: well beyond every maximum (the largest form field is 5,000 or 10,000 characters).
    fc.constantFrom(10_001, 70_000, 300_000).map((n) => 'a'.repeat(n)),
    fc.tuple(fc.constantFrom(...SQL_FRAGMENTS, ...HTML_FRAGMENTS), fc.constantFrom(...CONTROL, ...UNICODE)).map(([a, b]) => `${a}${b}${a}`),
  );
}

/** Values of every type, and strange shapes. */
export function wrongTypeValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(
      null,
      undefined,
      true,
      false,
      0,
      -1,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -0,
      Number.MAX_SAFE_INTEGER,
      2 ** 31,
      -(2 ** 63),
      1e308,
    ),
    fc.constantFrom([], {}, [null], [[[]]], { length: 1 }, new Date(0), new Uint8Array(0)),
    hostileString(),
    fc.integer(),
    fc.double(),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }),
    deepNesting(),
    pollutingObject(),
  );
}

/** Nested arrays or objects 1,000 levels deep. */
function deepNesting(): fc.Arbitrary<unknown> {
  return fc.constantFrom('array', 'object').map((kind) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < 1000; i += 1) value = kind === 'array' ? [value] : { a: value };
    return value;
  });
}

/** Objects whose own keys are `__proto__`, `constructor`, `prototype` (as JSON.parse makes them). */
export function pollutingObject(): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .constantFrom(
      '{"__proto__": {"polluted": "yes", "isAdmin": true, "roles": ["administrator"]}}',
      '{"constructor": {"prototype": {"polluted": "yes"}}}',
      '{"__proto__": {"toString": "x", "valueOf": 1}}',
      '{"prototype": {"polluted": "yes"}, "hasOwnProperty": "no"}',
    )
    .map((text) => JSON.parse(text) as Record<string, unknown>);
}

/** Keys added to an object: prototype pollution and unexpected fields. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'councilId', 'council_id', 'role', 'isAdmin', 'userId'];

/** True when a fuzzed value has polluted Object.prototype in this process. */
export function prototypeIsPolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe.polluted !== undefined || probe.isAdmin !== undefined || Object.keys(Object.prototype).length > 0;
}
