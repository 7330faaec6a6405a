/**
 * The embedded default (PGlite in a data folder, one process) under faults:
 *
 * - `heard start` killed with SIGKILL in the middle of a stream of
 *   complaints sent through the portal: the folder opens again cleanly,
 *   every reference a person was shown is there with its whole content, no
 *   case was made twice, and the app serves again on the same folder.
 * - The folder's files made unwritable under the running app: the
 *   service-unavailable page, nothing half-written, and the same app serves
 *   again once they are writable; an app started on a read-only folder
 *   refuses to start, in one clear line.
 *
 * PGlite runs with fsync off: what survives a killed process is measured
 * here; what survives a power cut is not promised (README, "Which database").
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from '@heard/api/server';
import { migrateToLatest, openDatabase, type HeardDatabase } from '@heard/db';
import { loadDemo } from '@heard/db/demo';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { runAsRoot } from '../support/as-root';
import { freePort } from '../support/free-port';
import { startHost, type HostProcess } from '../support/host-process';
import { sendDraft, type SendResult } from '../support/portal-client';
import { prepareComplaintDrafts, type PreparedDraft } from '@heard/api/testing';

const RATE = Number(process.env.FAULT_PGLITE_RATE ?? 15);
/** The kill comes once this many complaints were confirmed... */
const CONFIRMED_BEFORE_KILL = 5;
/** ...or after this long at the latest. */
const KILL_AFTER_MS = 8_000;

const folders: string[] = [];
const hosts: HostProcess[] = [];
const mounts: string[] = [];
afterAll(async () => {
  for (const host of hosts) await host.stop();
  for (const dir of mounts) spawnSync('umount', ['-l', dir]);
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A data folder with the demo council (no demo cases) and `count` drafts ready to send, closed again. */
async function preparedFolder(count: number, label: string): Promise<{ dir: string; drafts: PreparedDraft[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'heard-pglite-fault-'));
  folders.push(dir);
  const database = await openDatabase({ dataDir: dir });
  try {
    await migrateToLatest(database);
    await loadDemo(database, { hashPassword, cases: 0 });
    return { dir, drafts: await prepareComplaintDrafts(database, count, { label }) };
  } finally {
    await database.close();
  }
}

async function serve(dir: string): Promise<HostProcess> {
  const host = await startHost({ env: { HEARD_DATA_DIR: dir, HEARD_RATE_LIMITS: 'off', HEARD_DEMO_CASES: '0' } });
  hosts.push(host);
  return host;
}

async function checkFolder(dir: string, results: SendResult[]): Promise<{ cases: number }> {
  const database: HeardDatabase = await openDatabase({ dataDir: dir });
  try {
    expect((await migrateToLatest(database)).applied).toEqual([]);
    const confirmed = results.filter((r): r is SendResult & { reference: string } => r.reference !== null);
    const rows = (
      await sql<{ reference: string; details: string; email: string | null; events: number; draft_case: string | null; id: string }>`
        select c.reference, c.details, c.id,
               (select p.email from case_people p where p.case_id = c.id and p.role = 'complainant' limit 1) as email,
               (select count(*)::int from case_events e where e.case_id = c.id) as events,
               (select d.case_id from drafts d where d.case_id = c.id limit 1) as draft_case
        from cases c`.execute(database.db)
    ).rows;
    const byReference = new Map(rows.map((r) => [r.reference, r]));
    expect(
      confirmed.filter((r) => !byReference.has(r.reference)).map((r) => r.reference),
      'confirmed references lost',
    ).toEqual([]);
    for (const result of confirmed) {
      const row = byReference.get(result.reference)!;
      expect(
        { details: row.details, email: row.email, events: row.events > 0, draft: row.draft_case === row.id },
        result.reference,
      ).toEqual({
        details: result.draft.whatHappened,
        email: result.draft.email,
        events: true,
        draft: true,
      });
    }
    // No case made twice: each case belongs to exactly one draft, and each draft to at most one case.
    const orphans = rows.filter((r) => r.draft_case !== r.id);
    expect(
      orphans.map((r) => r.reference),
      'cases no draft was marked with',
    ).toEqual([]);
    return { cases: rows.length };
  } finally {
    await database.close();
  }
}

describe('the embedded database killed mid-submissions', () => {
  it('reopens cleanly with every confirmed complaint whole, and serves again', async () => {
    const { dir, drafts } = await preparedFolder(RATE * 10, 'kill');
    const host = await serve(dir);
    const started = Date.now();
    const sends: Array<Promise<SendResult>> = [];
    let killedAt = 0;
    let confirmedSoFar = 0;
    // Killed once a few complaints have been confirmed (on a busy machine the first take longer than on
    // an idle one), and at the latest after KILL_AFTER_MS: either way in the middle of the stream.
    const killing = new Promise<void>((resolve) => {
      const kill = () => {
        if (killedAt) return;
        killedAt = Date.now();
        host.kill('SIGKILL');
        resolve();
      };
      const poll = setInterval(() => {
        if (confirmedSoFar >= CONFIRMED_BEFORE_KILL || Date.now() - started >= KILL_AFTER_MS) {
          clearInterval(poll);
          kill();
        }
      }, 20);
    });
    for (const draft of drafts) {
      if (killedAt && Date.now() > killedAt + 1_000) break;
      const due = started + (draft.index * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sends.push(
        sendDraft(host.portalUrl, draft, { giveUpAfterMs: 2_000 }).then((result) => {
          if (result.reference && !killedAt) confirmedSoFar += 1;
          return result;
        }),
      );
    }
    await killing;
    const results = await Promise.all(sends);
    const exit = await host.exited;
    expect(exit.signal).toBe('SIGKILL');
    const confirmed = results.filter((r) => r.reference).length;
    const afterKill = results.flatMap((r) => r.exchanges).filter((e) => e.at > killedAt);
    // Before the kill, every answer was a confirmation or the unavailable page; after it, nothing at all (no false confirmation).
    expect(results.flatMap((r) => r.exchanges).filter((e) => e.at < killedAt && e.kind === 'unexpected')).toEqual([]);
    expect(afterKill.filter((e) => e.kind === 'ok')).toEqual([]);
    expect(confirmed, 'some complaints were confirmed before the kill').toBeGreaterThan(0);

    const { cases } = await checkFolder(dir, results);
    console.log(
      `PGlite killed with SIGKILL after ${killedAt - started} ms at ${RATE}/s: ${results.length} sends, ${confirmed} confirmed, ${cases} cases in the reopened folder, all confirmed ones whole`,
    );
    expect(cases).toBeGreaterThanOrEqual(confirmed);

    const again = await serve(dir);
    const next = await sendDraft(again.portalUrl, drafts[drafts.length - 1]!, { giveUpAfterMs: 20_000 });
    expect(next.reference).not.toBeNull();
    await again.stop();
  });
});

/** Runs a command that needs root (this suite runs as root in CI, or with passwordless sudo); throws if it fails. */
function asRoot(args: string[]): void {
  const result = runAsRoot(args);
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (this test needs root or passwordless sudo): ${result.stderr}`);
}

/** A read-only view of `dir` (a bind mount remounted read-only): root ignores file permissions, not a read-only mount. */
function bindMount(dir: string): { dir: string; readOnly: () => void } {
  const target = mkdtempSync(path.join(os.tmpdir(), 'heard-pglite-ro-'));
  folders.push(target);
  asRoot(['mount', '--bind', dir, target]);
  mounts.push(target);
  return { dir: target, readOnly: () => asRoot(['mount', '-o', 'remount,bind,ro', target]) };
}

/**
 * Makes every file and folder of `dir` immutable (`on`) or not: each write then
 * fails with EPERM, on files already open too. (The kernel will not remount
 * read-only a mount with files open for writing, and the running app holds its
 * database files open.) A remount is one instant; `chattr -R` walks the tree,
 * so PG_VERSION, the file the app checks, turns first and turns back last:
 * to the app the folder changes at one instant, as with a remount.
 */
function setImmutable(dir: string, on: boolean): void {
  const marker = path.join(dir, 'PG_VERSION');
  if (on) asRoot(['chattr', '+i', marker]);
  asRoot(['find', dir, '!', '-path', marker, '-exec', 'chattr', on ? '+i' : '-i', '{}', '+']);
  if (!on) asRoot(['chattr', '-i', marker]);
}

describe('the embedded database on a folder that stops being writable under the running app', () => {
  it('refuses a send with the service-unavailable page and writes nothing, then serves again once it is writable', async () => {
    const { dir, drafts } = await preparedFolder(3, 'unwritable');
    const host = await serve(dir);
    const first = await sendDraft(host.portalUrl, drafts[0]!);
    expect(first.reference).not.toBeNull();
    setImmutable(dir, true);
    let refused: SendResult;
    try {
      refused = await sendDraft(host.portalUrl, drafts[1]!, { giveUpAfterMs: 5_000 });
    } finally {
      setImmutable(dir, false);
    }
    expect(refused.reference).toBeNull();
    expect(
      refused.exchanges.filter((e) => e.kind !== 'unavailable').map((e) => `${e.step} ${e.status} ${e.detail ?? ''}`.slice(0, 400)),
    ).toEqual([]);
    expect(refused.exchanges.some((e) => e.kind === 'unavailable')).toBe(true);
    // Writable again: the same app, not restarted, takes the next complaint.
    const third = await sendDraft(host.portalUrl, drafts[2]!, { giveUpAfterMs: 20_000 });
    expect(third.reference, `${JSON.stringify(third.exchanges.slice(-3)).slice(0, 600)}\n${host.output().slice(-1500)}`).not.toBeNull();
    await host.stop();
    // Nothing half-written: the refused draft made no case; the other two are whole.
    const { cases } = await checkFolder(dir, [first, third]);
    expect(cases).toBe(2);
  });
});

describe('the embedded database on a read-only folder', () => {
  it('is refused at start in one line, and the folder keeps every confirmed case', async () => {
    const { dir, drafts } = await preparedFolder(1, 'read-only');
    const view = bindMount(dir);
    const host = await serve(view.dir);
    const first = await sendDraft(host.portalUrl, drafts[0]!);
    expect(first.reference).not.toBeNull();
    await host.stop();
    const { cases } = await checkFolder(dir, [first]);
    expect(cases).toBe(1);
    view.readOnly();
    const blocked = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', 'start'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, HEARD_DATA_DIR: view.dir, DATABASE_URL: '', PORTAL_PORT: String(await freePort()), BACKOFFICE_PORT: String(await freePort()) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr.trim().split('\n')).toHaveLength(1);
    expect(blocked.stderr).toMatch(/not a writable folder|read-only/);
  });
});
