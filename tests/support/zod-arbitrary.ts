/**
 * fast-check arbitraries from a procedure's zod (v4) input schema, so that
 * every procedure gets valid, almost valid and hostile input without a
 * hand-written generator, and a new procedure is fuzzed the day it lands.
 * Field names the schema cannot explain (a case id that must exist, a date
 * checked by a refinement) come from `hints`. A schema type this does not
 * know fails loudly: a procedure is never silently left out.
 */
import fc from 'fast-check';
import { hostileString, POLLUTING_KEYS, wrongTypeValue } from './hostile';

type Def = { type: string; [key: string]: unknown };
type Schema = { _zod: { def: Def } };
type Check = { _zod: { def: { check: string; [key: string]: unknown } } };

/** Per field name: an arbitrary that knows the database (ids that exist) or the rule a refinement checks. */
export type Hints = (key: string, schema: Schema, path: string[]) => fc.Arbitrary<unknown> | undefined;

export class NoArbitraryError extends Error {
  override name = 'NoArbitraryError';
}

const defOf = (schema: unknown): Def => (schema as Schema)._zod.def;

/** Values the schema accepts (as far as its structure says; refinements may still refuse some). */
export function validArbitrary(schema: unknown, hints: Hints, path: string[] = []): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const key = path[path.length - 1] ?? '';
  const hinted = hints(key, schema as Schema, path);
  if (hinted) return hinted;
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number': {
      const checks = (def.checks ?? []) as Check[];
      let min = -1_000_000;
      let max = 1_000_000;
      let integer = false;
      for (const check of checks) {
        const c = check._zod.def;
        if (c.check === 'number_format' && String(c.format).includes('int')) integer = true;
        if (c.check === 'greater_than') min = Number(c.value) + (c.inclusive ? 0 : 1);
        if (c.check === 'less_than') max = Number(c.value) - (c.inclusive ? 0 : 1);
      }
      const numbers = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      return def.coerce ? fc.oneof(numbers, numbers.map(String)) : numbers;
    }
    case 'bigint':
      return fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n });
    case 'boolean':
      return def.coerce ? fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 'on')) : fc.boolean();
    case 'date':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'optional':
      return fc.option(validArbitrary(def.innerType, hints, path), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(validArbitrary(def.innerType, hints, path), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
      return fc.option(validArbitrary(def.innerType, hints, path), { nil: undefined, freq: 4 });
    case 'catch':
    case 'readonly':
    case 'nonoptional':
    case 'success':
      return validArbitrary(def.innerType, hints, path);
    case 'lazy':
      return fc.constant(null).chain(() => validArbitrary((def.getter as () => unknown)(), hints, path));
    case 'pipe': {
      // A preprocess is a pipe from a transform; a transform's input is the pipe's input.
      const inner = defOf(def.in).type === 'transform' ? def.out : def.in;
      return validArbitrary(inner, hints, path);
    }
    case 'union': {
      const options = def.options as unknown[];
      return fc.oneof(...options.map((option) => validArbitrary(option, hints, path)));
    }
    case 'intersection':
      return fc
        .tuple(validArbitrary(def.left, hints, path), validArbitrary(def.right, hints, path))
        .map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a));
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const entries = Object.entries(shape);
      const required: string[] = [];
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, field] of entries) {
        record[name] = validArbitrary(field, hints, [...path, name]);
        const type = defOf(field).type;
        if (type !== 'optional' && type !== 'default' && type !== 'prefault') required.push(name);
      }
      return fc.record(record, { requiredKeys: required }).map((value) => stripUndefined(value));
    }
    case 'array': {
      const checks = (def.checks ?? []) as Check[];
      let minLength = 0;
      let maxLength = 4;
      for (const check of checks) {
        const c = check._zod.def;
        if (c.check === 'min_length') minLength = Number(c.minimum);
        if (c.check === 'max_length') maxLength = Math.min(Number(c.maximum), Math.max(minLength, 6));
        if (c.check === 'length_equals') minLength = maxLength = Number(c.length);
      }
      return fc.array(validArbitrary(def.element, hints, [...path, '[]']), { minLength, maxLength: Math.max(minLength, maxLength) });
    }
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((item, i) => validArbitrary(item, hints, [...path, String(i)])));
    case 'record':
      return fc.dictionary(
        validArbitrary(def.keyType, hints, [...path, '{key}']) as fc.Arbitrary<string>,
        validArbitrary(def.valueType, hints, [...path, '{value}']),
        { maxKeys: 4 },
      );
    case 'custom':
      // z.instanceof(Uint8Array): file contents.
      return fc.uint8Array({ maxLength: 256 });
    case 'any':
    case 'unknown':
      return fc.jsonValue({ maxDepth: 2 });
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'null':
      return fc.constant(null);
    default:
      throw new NoArbitraryError(`no arbitrary for the zod type "${def.type}" at ${path.join('.') || '(input)'}`);
  }
}

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  let minLength = 0;
  let maxLength = 40;
  const format = (def.format as string | undefined) ?? undefined;
  let pattern: RegExp | undefined = format === 'regex' ? (def.pattern as RegExp) : undefined;
  for (const check of (def.checks ?? []) as Check[]) {
    const c = check._zod.def;
    if (c.check === 'min_length') minLength = Number(c.minimum);
    if (c.check === 'max_length') maxLength = Math.min(Number(c.maximum), Math.max(minLength + 10, 60));
    if (c.check === 'length_equals') minLength = maxLength = Number(c.length);
    if (c.check === 'string_format' && c.format === 'regex') pattern = c.pattern as RegExp;
    if (c.check === 'string_format' && c.format === 'email') return fc.emailAddress().filter((e) => e.length <= 254);
    if (c.check === 'string_format' && c.format === 'uuid') return fc.uuid({ version: 4 });
    if (c.check === 'string_format' && c.format === 'url') return fc.constant('http://127.0.0.1:9/callback');
    if (c.check === 'string_format' && c.format === 'datetime')
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  }
  if (format === 'email') return fc.emailAddress().filter((e) => e.length <= 254);
  if (format === 'uuid' || format === 'guid') return fc.uuid({ version: 4 });
  if (format === 'url') return fc.constant('http://127.0.0.1:9/callback');
  if (format === 'datetime')
    return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (pattern) {
    // A class of characters repeated (`^[A-Za-z0-9_-]+$`): made to the schema's lengths. Other
    // patterns as fast-check makes them (a length filter on those could retry for ever).
    const repeated = /^\^(\[[^\]]+\])[+*]\$$/.exec(pattern.source);
    if (repeated) {
      const unit = fc.stringMatching(new RegExp(`^${repeated[1]}$`));
      return fc.string({ unit, minLength: Math.max(minLength, 1), maxLength: Math.max(maxLength, minLength, 1) });
    }
    return fc.stringMatching(pattern);
  }
  // Readable text: trimmed schemas refuse blank answers.
  return fc
    .string({ unit: 'grapheme-ascii', minLength: Math.max(minLength, 1), maxLength: Math.max(maxLength, minLength, 1) })
    .map((s) => (s.trim().length >= minLength ? s : s.padEnd(minLength, 'x')))
    .map((s) => (s.trim() === '' ? 'x'.repeat(Math.max(1, minLength)) : s));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}

function stripUndefined(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out;
}

/** Every path to a value inside `value` (objects and arrays), the root included as []. */
function pathsOf(
  value: unknown,
  path: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
): Array<Array<string | number>> {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

function replaceAt(value: unknown, path: Array<string | number>, replacement: unknown, mode: 'replace' | 'delete'): unknown {
  if (path.length === 0) return mode === 'delete' ? undefined : replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && mode === 'delete') copy.splice(Number(head), 1);
    else copy[Number(head)] = replaceAt(copy[Number(head)], rest, replacement, mode);
    return copy;
  }
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = { ...value };
    if (rest.length === 0 && mode === 'delete') delete copy[String(head)];
    else copy[String(head)] = replaceAt(copy[String(head)], rest, replacement, mode);
    return copy;
  }
  return value;
}

/** A value one step from valid: one field missing, emptied, too long, of the wrong type, or an extra field. */
export function almostValidArbitrary(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      valid,
      fc.nat(),
      fc.constantFrom('delete', 'empty', 'long', 'wrongType', 'extraKey', 'number-as-string', 'whitespace') as fc.Arbitrary<string>,
      fc.oneof(fc.constantFrom(0, -1, '', ' ', null, true, [], {}), fc.string({ maxLength: 3 })),
    )
    .map(([value, pick, how, wrong]) => {
      const paths = pathsOf(value);
      const path = paths[pick % paths.length]!;
      const at = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], value);
      switch (how) {
        case 'delete':
          return path.length === 0 ? undefined : replaceAt(value, path, undefined, 'delete');
        case 'empty':
          return replaceAt(value, path, typeof at === 'string' ? '' : Array.isArray(at) ? [] : isPlainObject(at) ? {} : '', 'replace');
        case 'long':
          return replaceAt(value, path, typeof at === 'string' ? at.padEnd(at.length + 10_001, 'x') : 'x'.repeat(10_001), 'replace');
        case 'wrongType':
          return replaceAt(value, path, wrong, 'replace');
        case 'extraKey':
          return isPlainObject(value) ? { ...value, unexpected: wrong } : value;
        case 'number-as-string':
          return replaceAt(
            value,
            path,
            typeof at === 'number' ? String(at) : typeof at === 'string' && /^\d+$/.test(at) ? Number(at) : at,
            'replace',
          );
        default:
          return replaceAt(value, path, typeof at === 'string' ? `  ${at}\t\n` : at, 'replace');
      }
    });
}

/**
 * A valid value with hostile strings or values in some of its fields,
 * prototype-polluting keys added, or a wholly hostile input.
 */
export function hostileArbitrary(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const planted = fc
    .tuple(valid, fc.array(fc.tuple(fc.nat(), fc.oneof(hostileString(), wrongTypeValue())), { minLength: 1, maxLength: 4 }))
    .map(([value, replacements]) => {
      let current = value;
      for (const [pick, replacement] of replacements) {
        const paths = pathsOf(current).filter((p) => p.length > 0);
        if (paths.length === 0) return replacement;
        current = replaceAt(current, paths[pick % paths.length]!, replacement, 'replace');
      }
      return current;
    });
  const polluted = fc
    .tuple(valid, fc.constantFrom(...POLLUTING_KEYS), fc.oneof(wrongTypeValue(), fc.constant({ polluted: 'yes' })))
    .map(([value, key, extra]) => {
      if (!isPlainObject(value)) return value;
      // Own properties named like the prototype's, as JSON.parse makes them.
      const copy: Record<string, unknown> = { ...value };
      Object.defineProperty(copy, key, { value: extra, enumerable: true, configurable: true, writable: true });
      return copy;
    });
  return fc.oneof({ weight: 5, arbitrary: planted }, { weight: 2, arbitrary: polluted }, { weight: 1, arbitrary: wrongTypeValue() });
}
