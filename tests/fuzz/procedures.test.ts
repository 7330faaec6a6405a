/**
 * Every tRPC procedure, enumerated from the router, called in-process as the
 * apps call it, with valid, almost valid and hostile input made by fast-check
 * from its own zod schema (tests/support/zod-arbitrary.ts). Each call ends in
 * success or in a 4xx refusal carrying message keys the apps can show; never
 * a 5xx; a refused call leaves every table exactly as it was (a fingerprint
 * of all rows before and after); nothing pollutes Object.prototype; a
 * successful call that touched a case is audited (tests/support/procedure-runner.ts).
 *
 * FUZZ_RUNS caps the runs per procedure and kind of input; FUZZ_BUDGET_SECONDS
 * bounds the whole file's time (each kind of input runs at least once).
 */
import { appRouter } from '@heard/api/server';
import { createTestDatabase, type TestDatabase } from '@heard/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/api-world';
import { fuzzProcedure, type Tally } from '../support/procedure-runner';
import { almostValidArbitrary, hostileArbitrary, validArbitrary } from '../support/zod-arbitrary';
import { REGISTRY, worldHints } from './procedure-registry';

/** At most this many runs per procedure and kind of input... */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
/** ...within this many seconds for all procedures together. */
const BUDGET_SECONDS = Number(process.env.FUZZ_BUDGET_SECONDS ?? 60);

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[]; type: string } }>;
const paths = Object.keys(procedures).sort();
// Each kind of input runs at least once, however small its share of the budget.
const perKindMs = Math.floor((BUDGET_SECONDS * 1000) / Math.max(1, paths.length) / 3);

let database: TestDatabase;
let world: World;
const tallies = new Map<string, Tally>();

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
});
afterAll(async () => {
  const lines = [...tallies].map(
    ([path, t]) => `${path}: ${t.ok} ok (${t.audited} audited), refused ${JSON.stringify(t.refused)} (${t.ms} ms)`,
  );
  const calls = [...tallies.values()].reduce((n, t) => n + t.ok + Object.values(t.refused).reduce((a, b) => a + b, 0), 0);
  console.log(
    `fuzzed ${tallies.size} procedures with ${calls} calls (up to ${RUNS} runs of each kind of input, ${BUDGET_SECONDS} s budget)\n${lines.join('\n')}`,
  );
  await database?.destroy();
});

describe('the registry', () => {
  it('has an entry for every procedure of the router, and none for a procedure that is gone', () => {
    expect(
      paths.filter((p) => !(p in REGISTRY)),
      'procedures without an arbitrary: add them to tests/fuzz/procedure-registry.ts',
    ).toEqual([]);
    expect(Object.keys(REGISTRY).filter((p) => !(p in procedures))).toEqual([]);
  });
});

describe.each(paths.filter((p) => p in REGISTRY))('%s', (path) => {
  it('ends every call in success or a clear 4xx; a refusal changes nothing; a case touched is audited', async () => {
    const entry = REGISTRY[path]!;
    const hints = worldHints(world);
    const inputs = procedures[path]!._def.inputs;
    // Procedures without input get the hostile values all the same (tRPC must ignore or refuse them).
    const valid = entry.input ? entry.input(world, hints, inputs[0]) : inputs.length === 0 ? fc.constant(undefined) : validArbitrary(inputs[0], hints);
    const tally: Tally = { ok: 0, refused: {}, audited: 0, ms: 0, reached: 0 };
    tallies.set(path, tally);
    await fuzzProcedure({
      database,
      world,
      path,
      as: entry.as,
      arbitraries: [
        ['valid', valid],
        ['almost valid', almostValidArbitrary(valid)],
        ['hostile', hostileArbitrary(valid)],
      ],
      runs: RUNS,
      perKindMs,
      keepsOnRefusal: entry.keepsOnRefusal ?? [],
      tally,
    });
    // The caller in the registry must be one the procedure serves, or the fuzzing never got past the door.
    expect(tally.reached, `${path}: every call was refused as 401/403 to ${entry.as}; fix its caller in the registry`).toBeGreaterThan(0);
  });
});
