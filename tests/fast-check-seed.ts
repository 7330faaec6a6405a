/**
 * fast-check's random seed, for the fuzz suite and the property tests of the
 * unit suite alike. CI decides whether main may land, so there it uses a
 * fixed seed: a run that passed passes again on the same code, and a failure
 * is the code's, not the dice's (a unit property failed CI once on a case it
 * had never drawn before). Anywhere else each run draws a fresh seed and so
 * explores new input; FUZZ_SEED repeats any run (fast-check prints the seed
 * of a failure).
 */
import fc from 'fast-check';

const CI_SEED = 20261124;
const chosen = process.env.FUZZ_SEED ?? (process.env.CI ? String(CI_SEED) : undefined);
if (chosen !== undefined) {
  const seed = Number(chosen);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${JSON.stringify(chosen)}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
