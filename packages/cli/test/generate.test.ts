import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const dir = mkdtempSync(path.join(os.tmpdir(), 'heard-cli-generate-'));
const env = { HEARD_DATA_DIR: path.join(dir, 'data') };
const heard = (...args: string[]) => runCli(args, env, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('heard generate', () => {
  it('makes the cases asked for in new councils, and refuses the same seed twice with one line', async () => {
    const first = await heard('generate', '--cases', '300', '--seed', '4', '--councils', '2');
    // Nothing on stderr but the progress lines a slow machine may print (one each 5 s).
    expect(first.stderr.split('\n').filter((line) => line && !/^generating: [\d,]+ of [\d,]+ cases \(council \d+ of \d+\)$/.test(line))).toEqual([]);
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^generated 300 cases in 2 council\(s\) \(seed 4\) in \d+\.\d s on embedded PGlite/);
    expect(lines.slice(1).map((l) => l.trim().split(/\s+/)[0])).toEqual(['ashcombe-s4', 'brackenford-s4']);
    expect(lines[1]).toMatch(/150 cases$/);

    const again = await heard('generate', '--cases', '300', '--seed', '4');
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split('\n')).toEqual([
      'heard generate: seed 4 has already been generated into this database (council "ashcombe-s4"): choose another --seed',
    ]);
  }, 360_000);

  it('says what is wrong with its options in one line', async () => {
    for (const [args, message] of [
      [[], '--cases N is required'],
      [['--cases', '10', '--seed=-1'], '--seed must be a whole number of at least 0, not "-1"'],
      [['--cases', '10', '--as-of', '2024-02-30'], '--as-of must be a date YYYY-MM-DD, not "2024-02-30"'],
    ] as const) {
      const result = await runCli(['generate', ...args], { HEARD_DATA_DIR: 'memory' });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(message);
    }
  }, 240_000);
});
