import { createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startHost } from './host';

/**
 * `heard start` on PostgreSQL runs one process per core by default
 * (node:cluster). A supervisor stops it with SIGTERM: every process must
 * stop and the command exit 0, the job worker inside one of them too. (The
 * cluster's workers once kept running after their servers had closed,
 * held open by their channel to the primary, so the command never exited.)
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

describe('heard start with two worker processes on PostgreSQL', () => {
  it('serves, then stops every process on SIGTERM with exit code 0 (the job worker inside too)', { timeout: 180_000 }, async () => {
    const port = await freePort();
    const host = startHost(['--workers', '2', '--app', 'portal', '--demo'], {
      DATABASE_URL: database.url!,
      PORTAL_PORT: String(port),
      HEARD_DEMO_CASES: '0',
      HEARD_WORKER_POLL_SECONDS: '0.5',
    });
    await host.waitFor(/2 worker processes serving/);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    host.child.kill('SIGTERM');
    expect(await host.exit, host.stderr()).toBe(0);
    // Nothing is left listening.
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
