import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@heard/db';
import { describe, expect, it } from 'vitest';
import { freePort, startHost } from './host';

/**
 * The real host (`heard start`, as `npm start` runs it) on the embedded
 * database: the job worker starts inside it, writes out the demo council's
 * queued acknowledgements (kept, with no email service), and stops cleanly
 * on SIGTERM: exit code 0, nothing left half-sent, the data folder's lock
 * released; started again on the same folder, it comes up and stops again.
 * Needs the back-office built (`pnpm build`, as `npm test` does first).
 */
/** What the host may say on stderr while it runs: the worker's own lines (counts, never personal data). */
const EXPECTED_STDERR = [/^npm warn /, /^daily jobs for council [0-9a-f-]+ on \d{4}-\d{2}-\d{2}: /, /^outbox for council [0-9a-f-]+: \d+ sent, \d+ kept \(no provider\), \d+ failed, \d+ to try again$/];

describe('heard start with the job worker in its process', () => {
  it('writes out the queued messages, stops cleanly on SIGTERM, and starts again on the same data folder', { timeout: 300_000 }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'heard-start-worker-'));
    const port = await freePort();
    const env = { HEARD_DATA_DIR: dataDir, BACKOFFICE_PORT: String(port), HEARD_DEMO_CASES: '40', HEARD_WORKER_POLL_SECONDS: '0.5' };

    const first = startHost(['--demo', '--app', 'backoffice'], env);
    await first.waitFor(/job worker running in this process \(no email provider configured/);
    // The demo's ten acknowledgements are queued before the worker starts: its first pass writes them all out.
    await first.waitFor(/outbox for council [0-9a-f-]+: 0 sent, (\d+) kept/);
    const page = await fetch(`http://127.0.0.1:${port}/sign-in`);
    expect(page.status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exit, first.stderr()).toBe(0);
    const unexpected = first
      .stderr()
      .split('\n')
      .filter((line) => line.trim() !== '' && !EXPECTED_STDERR.some((pattern) => pattern.test(line)));
    expect(unexpected).toEqual([]);
    expect(existsSync(path.join(dataDir, 'heard.lock'))).toBe(false);

    const kept = [...first.stderr().matchAll(/outbox for council [0-9a-f-]+: \d+ sent, (\d+) kept/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    const database = await openDatabase({ dataDir });
    try {
      const rows = await database.db.selectFrom('outbox_messages').select(['template', 'status', 'subject', 'body', 'claimed_by']).execute();
      const acknowledgements = rows.filter((r) => r.template === 'acknowledgement');
      expect(acknowledgements).toHaveLength(10);
      for (const row of acknowledgements) {
        expect(row).toMatchObject({ status: 'held', claimed_by: null });
        expect(row.subject).toMatch(/CYP-/);
        expect(row.body).toMatch(/Demo Borough Council|Cyngor Bwrdeistref Demo/);
      }
      // Stopped between passes: nothing half-sent, and every message the worker said it kept is kept.
      expect(rows.filter((r) => r.status === 'sending')).toEqual([]);
      expect(rows.filter((r) => r.status === 'held')).toHaveLength(kept);
    } finally {
      await database.close();
    }

    const second = startHost(['--app', 'backoffice'], env);
    await second.waitFor(/job worker running in this process/);
    second.child.kill('SIGTERM');
    expect(await second.exit, second.stderr()).toBe(0);
    expect(second.stdout()).not.toMatch(/applied \d+ migration/);
    expect(existsSync(path.join(dataDir, 'heard.lock'))).toBe(false);
  });
});
