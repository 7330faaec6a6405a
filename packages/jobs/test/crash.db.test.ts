import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateToLatest, openDatabase, outboxRepository, type HeardDatabase } from '@heard/db';
import { createCouncil, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from './support';

/**
 * Kill the worker process (SIGKILL) in the middle of a batch, start another:
 * no message is lost, and none is sent twice except one the SMTP server
 * accepted in the very instant of the kill, before the worker could record
 * it; such a message is counted in `resends`, and the test reports it.
 * On PostgreSQL (TEST_DATABASE_URL) and on the embedded PGlite (a data folder).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const MESSAGES = 30;
const KILL_AT = 10;

let setup: { env: Record<string, string>; open: () => Promise<HeardDatabase>; cleanup: () => Promise<void> };

beforeAll(async () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const test: TestDatabase = await createTestDatabase();
    const url = new URL(serverUrl);
    url.pathname = test.location.slice(test.location.indexOf('/'));
    await test.close();
    setup = {
      env: { DATABASE_URL: url.toString() },
      open: () => openDatabase({ databaseUrl: url.toString(), poolSize: 3 }),
      cleanup: () => test.destroy().catch(() => undefined),
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'heard-crash-'));
    setup = { env: { HEARD_DATA_DIR: dir }, open: () => openDatabase({ dataDir: dir }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
});
afterAll(async () => {
  await setup?.cleanup();
});

function startChild(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures/worker-process.ts')], {
    cwd: root,
    env: { ...process.env, ...env, HEARD_WORKER_POLL_SECONDS: '0.05', TEST_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('a worker killed mid-batch', () => {
  it('loses no message and sends none twice, except one caught at the instant of the kill', async () => {
    const database = await setup.open();
    await migrateToLatest(database);
    const council = await createCouncil(database);
    await database.withCouncil(council.id, async (tx) => {
      for (let i = 0; i < MESSAGES; i += 1) {
        await outboxRepository(tx).queue({
          councilId: council.id,
          caseId: null,
          channel: 'email',
          recipient: `person${i}@example.com`,
          template: 'tracking_code',
          language: i % 2 === 0 ? 'en' : 'cy',
          payload: { code: String(100000 + i), reference: `REF-${i}` },
          idempotencyKey: `crash-test:${i}`,
        });
      }
    });
    await database.close();

    let child: ChildProcess | undefined;
    const smtp = await startSmtpServer({
      // The kill: the moment the server has accepted the KILL_AT-th message.
      afterAccept: (count) => {
        if (count === KILL_AT && child?.pid) process.kill(child.pid, 'SIGKILL');
      },
    });
    try {
      child = await startChild({ ...setup.env, SMTP_URL: smtp.url });
      await exited(child);
      expect(child.signalCode).toBe('SIGKILL');
      const beforeRestart = smtp.received.length;
      expect(beforeRestart).toBeGreaterThanOrEqual(KILL_AT);
      expect(beforeRestart).toBeLessThan(MESSAGES);

      const second = await startChild({ ...setup.env, SMTP_URL: smtp.url });
      await smtp.waitForKeys(MESSAGES);
      second.kill('SIGTERM');
      await exited(second);
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await smtp.close();
    }

    const keys = smtp.received.map((m) => m.key);
    const unique = new Set(keys);
    const duplicates = keys.length - unique.size;
    const check = await setup.open();
    try {
      const rows = (
        await check.withCouncil(council.id, (tx) =>
          sql<{ status: string; n: number; resends: number }>`select status, count(*)::int as n, sum(resends)::int as resends from outbox_messages group by status`.execute(tx),
        )
      ).rows;
      const resends = rows.reduce((sum, r) => sum + r.resends, 0);
      console.log(`crash test (${check.kind}): ${keys.length} emails for ${unique.size} messages; duplicates caught at the instant of the kill: ${duplicates}; messages the dead worker had begun to hand over, counted as possible resends: ${resends}`);
      expect(unique.size).toBe(MESSAGES); // none lost
      expect(rows).toEqual([{ status: 'sent', n: MESSAGES, resends }]);
      expect(duplicates).toBeLessThanOrEqual(1); // only the one in flight at the kill
      expect(duplicates).toBeLessThanOrEqual(resends); // and it is counted
    } finally {
      await check.close();
    }
    // Generous: three PGlite starts from files, and two child processes, on two shared cores.
  }, 240_000);
});
