import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const folders: string[] = [];
const tempFolder = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'heard-cli-'));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** One clear line on stderr, a non-zero exit, and no stack trace. */
function expectOneClearLine(result: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.trim().split('\n').filter((line) => !line.startsWith('npm warn'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('heard', () => {
  it('lists its commands with --help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['migrate', 'demo', 'start', 'worker', 'due', 'import', 'report', 'generate', 'retention']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('answers `heard due` through the command line itself (the command is registered, not only written)', async () => {
    const result = await runCli(['due', '--from', '2023-07-03', '--days', '20', '--calendar', 'foi']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('2023-08-01');
    expectOneClearLine(await runCli(['due', '--from', 'not-a-date', '--days', '20']), /date/i);
  });

  it('refuses an unknown command in one line', async () => {
    expectOneClearLine(await runCli(['frobnicate']), /unknown command "frobnicate"/);
  });

  it('refuses an unknown option in one line', async () => {
    expectOneClearLine(await runCli(['migrate', '--colour']), /^heard migrate: .*--colour/);
  });
});

describe('bad configuration gets one clear line, never a stack trace', () => {
  it('an unreachable DATABASE_URL', async () => {
    const result = await runCli(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/heard' });
    expectOneClearLine(result, /^heard migrate: Cannot connect to the database at 127\.0\.0\.1:1\/heard: .*ECONNREFUSED/);
  });

  it('a DATABASE_URL that is not a postgres:// URL', async () => {
    expectOneClearLine(await runCli(['migrate'], { DATABASE_URL: 'mysql://localhost/heard' }), /DATABASE_URL must start with postgres:\/\//);
  });

  it('an unwritable HEARD_DATA_DIR', async () => {
    const file = path.join(tempFolder(), 'a-file');
    writeFileSync(file, 'not a folder');
    expectOneClearLine(await runCli(['migrate'], { HEARD_DATA_DIR: path.join(file, 'pglite') }), /HEARD_DATA_DIR .* is not a writable folder/);
  });

  it('a port already in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const dataDir = path.join(tempFolder(), 'pglite');
      const result = await runCli(['start', '--app', 'portal'], { HEARD_DATA_DIR: dataDir, PORTAL_PORT: String(port) });
      expectOneClearLine(result, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use: stop what is using it, or set PORTAL_PORT`));
      // Refused before the database was opened: no embedded database was made.
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('a port that is not a number', async () => {
    expectOneClearLine(await runCli(['start'], { HEARD_DATA_DIR: tempFolder(), PORTAL_PORT: 'three thousand' }), /^heard start: PORTAL_PORT: /);
  });
});

describe('heard migrate on the embedded database', () => {
  it('applies every migration once, then nothing', async () => {
    const dataDir = tempFolder();
    const first = await runCli(['migrate'], { HEARD_DATA_DIR: dataDir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^applied 20261124T000000-foundation, /);
    const second = await runCli(['migrate'], { HEARD_DATA_DIR: dataDir });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/nothing to apply/);
  });
});
