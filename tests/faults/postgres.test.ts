/**
 * The real host (`heard start --workers 2`, node:cluster, job worker inside)
 * on a PostgreSQL cluster of the test's own, under faults:
 *
 * - PostgreSQL restarted abruptly (`pg_ctl restart -m immediate`) while
 *   complaints are sent through the portal at a steady rate: every reference
 *   a person was shown exists afterwards with its whole content; every send
 *   that failed got the service-unavailable page (and succeeded when tried
 *   again), never a false confirmation; the apps recover by themselves, with
 *   no process restarted, within 5 s of PostgreSQL being ready.
 * - The same form sent twice at once, and again later: one case.
 * - The database turned read-only, and a table's filesystem full: the
 *   service-unavailable page, nothing half-written, and service again once
 *   the fault is gone.
 *
 * FAULT_RATE (sends a second, default 40) and FAULT_SECONDS (default 20)
 * size the load; the machine this runs on is shared, two cores.
 */
import { createApi } from '@heard/api/server';
import { openDatabase, type HeardDatabase } from '@heard/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, fingerprint } from '../support/db-fingerprint';
import { startHost, type HostProcess } from '../support/host-process';
import { sendDraft, type SendResult } from '../support/portal-client';
import { prepareComplaintDrafts, type PreparedDraft } from '@heard/api/testing';
import { startTestCluster, type TestCluster } from '../support/test-cluster';
import { clusterOwner, mountTinyFilesystem, type TinyFilesystem } from '../support/tiny-filesystem';

const RATE = Number(process.env.FAULT_RATE ?? 40);
const SECONDS = Number(process.env.FAULT_SECONDS ?? 20);
const RESTART_AFTER_MS = Math.round((SECONDS * 1000) / 3);

let cluster: TestCluster;
let host: HostProcess;
let database: HeardDatabase;
let tiny: TinyFilesystem | undefined;

beforeAll(async () => {
  cluster = await startTestCluster();
  cluster.psql('create database heard');
  const url = cluster.urlFor('heard');
  host = await startHost({
    env: { DATABASE_URL: url, HEARD_RATE_LIMITS: 'off', DATABASE_POOL_SIZE: '10', HEARD_DEMO_CASES: '0' },
    args: ['--demo', '--workers', '2', '--app', 'portal'],
  });
  database = await openDatabase({ databaseUrl: url, poolSize: 4 });
});
afterAll(async () => {
  await database?.close().catch(() => undefined);
  await host?.stop();
  await cluster?.stop();
  tiny?.unmount();
});

/** What a set of sends proves: references shown, pages seen, and anything unexpected. */
function summarise(results: SendResult[]) {
  const exchanges = results.flatMap((r) => r.exchanges);
  return {
    sent: results.length,
    confirmed: results.filter((r) => r.reference).length,
    unavailablePages: exchanges.filter((e) => e.kind === 'unavailable').length,
    unexpected: exchanges
      .filter((e) => e.kind === 'unexpected' || e.kind === 'network')
      .map((e) => `${e.step} ${e.status} ${e.kind}: ${e.detail ?? ''}`.slice(0, 300)),
    gaveUp: results.filter((r) => !r.reference && r.exchanges.every((e) => e.kind !== 'unexpected')).length,
  };
}

/** Each confirmed reference is a case holding exactly what its draft said, with its event, people, key and acknowledgement. */
async function expectWhole(results: SendResult[]) {
  const confirmed = results.filter((r): r is SendResult & { reference: string } => r.reference !== null);
  const references = confirmed.map((r) => r.reference);
  const rows = await sql<{
    reference: string;
    details: string;
    email: string | null;
    name: string | null;
    events: number;
    acks: number;
    keys: number;
    draft_case: string | null;
    id: string;
  }>`
    select c.reference, c.details, c.id,
           (select p.email from case_people p where p.case_id = c.id and p.role = 'complainant' limit 1) as email,
           (select p.name from case_people p where p.case_id = c.id and p.role = 'complainant' limit 1) as name,
           (select count(*)::int from case_events e where e.case_id = c.id) as events,
           (select count(*)::int from outbox_messages o where o.case_id = c.id) as acks,
           (select count(*)::int from idempotency_keys k where k.case_id = c.id) as keys,
           (select d.case_id from drafts d where d.case_id = c.id limit 1) as draft_case
    from cases c where c.reference = any(${references})`.execute(database.db);
  const byReference = new Map(rows.rows.map((r) => [r.reference, r]));
  const missing = references.filter((r) => !byReference.has(r));
  expect(missing, 'references shown to people that do not exist').toEqual([]);
  for (const result of confirmed) {
    const row = byReference.get(result.reference)!;
    expect({ details: row.details, email: row.email, name: row.name }, result.reference).toEqual({
      details: result.draft.whatHappened,
      email: result.draft.email,
      name: result.draft.fullName,
    });
    expect(row.events, `${result.reference}: its first event`).toBeGreaterThanOrEqual(1);
    expect(row.acks, `${result.reference}: its acknowledgement queued`).toBeGreaterThanOrEqual(1);
    expect(row.draft_case, `${result.reference}: its draft marked as sent`).toBe(row.id);
  }
  expect(new Set(references).size, 'two people shown the same reference').toBe(references.length);
}

describe('PostgreSQL restarted abruptly under load', () => {
  it(`loses no acknowledged complaint, shows a clear page for the rest, and recovers by itself (${RATE}/s for ${SECONDS} s)`, async () => {
    const drafts = await prepareComplaintDrafts(database, RATE * SECONDS, { label: 'restart' });
    const casesBefore = Number((await sql<{ n: number }>`select count(*)::int as n from cases`.execute(database.db)).rows[0]!.n);
    const started = Date.now();
    let restart: { stoppedAt: number; readyAt: number } | undefined;
    const restarting = new Promise<void>((resolve, reject) =>
      setTimeout(() => {
        cluster.restartImmediate().then((r) => {
          restart = r;
          resolve();
        }, reject);
      }, RESTART_AFTER_MS),
    );
    const sends: Array<Promise<SendResult>> = [];
    for (const draft of drafts) {
      const due = started + (draft.index * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sends.push(sendDraft(host.portalUrl, draft, { giveUpAfterMs: 60_000 }));
    }
    await restarting;
    const results = await Promise.all(sends);
    const elapsed = (Date.now() - started) / 1000;
    const summary = summarise(results);

    // Recovery: the first send completed after PostgreSQL was ready again.
    const readyAt = restart!.readyAt;
    const firstOkAfter = Math.min(
      ...results
        .flatMap((r) => r.exchanges)
        .filter((e) => e.kind === 'ok' && e.step === 'send' && e.at >= readyAt)
        .map((e) => e.at),
    );
    const recoveryMs = firstOkAfter - readyAt;
    const downMs = readyAt - restart!.stoppedAt;
    console.log(
      `restart under load: ${summary.sent} sends over ${elapsed.toFixed(1)} s (${RATE}/s planned), ${summary.confirmed} confirmed, ` +
        `${summary.unavailablePages} service-unavailable pages (all tried again), PostgreSQL down ${downMs} ms, ` +
        `first successful send ${recoveryMs} ms after it was ready`,
    );

    if (summary.unexpected.length > 0) console.log(`host output:\n${host.output().slice(-3000)}`);
    expect(
      summary.unexpected.slice(0, 20),
      `responses other than a confirmation or the service-unavailable page (${summary.unexpected.length})`,
    ).toEqual([]);
    expect(summary.gaveUp, 'sends still failing a minute later').toBe(0);
    expect(summary.confirmed).toBe(drafts.length);
    expect(summary.unavailablePages, 'the restart was felt (else this test proved nothing)').toBeGreaterThan(0);
    await expectWhole(results);
    const casesAfter = Number((await sql<{ n: number }>`select count(*)::int as n from cases`.execute(database.db)).rows[0]!.n);
    expect(casesAfter - casesBefore, 'one case per draft sent, none twice').toBe(drafts.length);
    expect(recoveryMs, 'recovered within 5 s of PostgreSQL being ready').toBeLessThanOrEqual(5_000);
    // By themselves: no app process died and was replaced.
    expect(host.output()).not.toMatch(/stopped \(exit|Unhandled|uncaught/i);
    expect(host.child.exitCode).toBeNull();
  });
});

describe('idempotency through the portal', () => {
  it('the same form sent five times at once, then twice more, makes one case', async () => {
    const [draft] = await prepareComplaintDrafts(database, 1, { label: 'twice' });
    const together = await Promise.all([1, 2, 3, 4, 5].map(() => sendDraft(host.portalUrl, draft!)));
    const later = [await sendDraft(host.portalUrl, draft!), await sendDraft(host.portalUrl, draft!)];
    const references = new Set([...together, ...later].map((r) => r.reference));
    expect([...references].every(Boolean)).toBe(true);
    expect(references.size).toBe(1);
    const cases = await sql<{ n: number }>`select count(*)::int as n from cases where details = ${draft!.whatHappened}`.execute(
      database.db,
    );
    expect(cases.rows[0]!.n).toBe(1);
  });

  it('the same whole submission sent five times at once through the API makes one case', async () => {
    const api = createApi({ database });
    const service = (await (await api.getCaller(new Request('http://127.0.0.1/'))).public.services.list())[0]!;
    const submission = {
      journey: 'complaint' as const,
      idempotencyKey: `faults-idempotency-${Date.now()}`,
      role: 'parent' as const,
      contact: { fullName: 'Twice Sent', email: 'twice@example.com', contactPreference: 'email' as const, language: 'en' as const },
      child: { fullName: 'A Child', situation: 'looked_after' as const },
      serviceArea: 'not_sure' as const,
      serviceId: service.id,
      whatHappened: `Sent twice ${Date.now()}`,
      desiredOutcome: 'One case.',
      courtOrTribunalProceedings: 'no' as const,
    };
    const confirmations = await Promise.all(
      [1, 2, 3, 4, 5].map(async () => (await api.getCaller(new Request('http://127.0.0.1/'))).public.complaint.submit(submission as never)),
    );
    expect(new Set(confirmations.map((c) => c.reference)).size).toBe(1);
    const cases = await sql<{ n: number }>`select count(*)::int as n from cases where details = ${submission.whatHappened}`.execute(
      database.db,
    );
    expect(cases.rows[0]!.n).toBe(1);
  });
});

/** Sends a draft that must fail while the fault lasts: the service-unavailable page, and the database exactly as before. */
async function expectRefusedWholly(draft: PreparedDraft) {
  const before = await fingerprint(database);
  const refused = await sendDraft(host.portalUrl, draft, { giveUpAfterMs: 3_000 });
  expect(refused.reference, 'confirmed while the database could not save').toBeNull();
  expect(refused.exchanges.length).toBeGreaterThan(0);
  expect(
    refused.exchanges.filter((e) => e.kind !== 'unavailable').map((e) => `${e.step} ${e.status} ${e.detail ?? ''}`.slice(0, 300)),
  ).toEqual([]);
  // The job worker goes on with messages queued by the earlier tests (a retry falling due updates its row):
  // that is no half-written submission, which would add a message; every other table must not change at all.
  const changed = changedTables(before, await fingerprint(database)).filter((t) => !/^outbox_messages \((\d+) -> \1 rows\)$/.test(t));
  expect(changed, 'half-written').toEqual([]);
}

describe('a database that cannot be written', () => {
  it('read-only (as after a failover to a replica): the service-unavailable page, nothing written, then service again', async () => {
    const [draft] = await prepareComplaintDrafts(database, 1, { label: 'read-only' });
    cluster.psql('alter system set default_transaction_read_only = on');
    cluster.psql('select pg_reload_conf()');
    try {
      // The setting reaches every session (the apps' pooled connections too) once each has read the new configuration.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(cluster.psql("select setting from pg_file_settings where name = 'default_transaction_read_only' and applied")).toBe('on');
      await expectRefusedWholly(draft!);
      // Reading still works: the start page.
      const start = await fetch(`${host.portalUrl}/`);
      expect(start.status).toBe(200);
    } finally {
      cluster.psql('alter system reset default_transaction_read_only');
      cluster.psql('select pg_reload_conf()');
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const again = await sendDraft(host.portalUrl, draft!, { giveUpAfterMs: 10_000 });
    expect(again.reference).not.toBeNull();
  });

  it('a full disk under a table written last in a submission: the service-unavailable page, nothing half-written, then service again', async () => {
    const [draft] = await prepareComplaintDrafts(database, 1, { label: 'disk-full' });
    tiny = mountTinyFilesystem(8, clusterOwner());
    cluster.psql(`create tablespace tiny location '${tiny.dir}'`);
    // Fill factor 10: every new acknowledgement needs a fresh page, which the full disk cannot give.
    cluster.psql('alter table outbox_messages set (fillfactor = 10)', 'heard');
    cluster.psql('alter table outbox_messages set tablespace tiny', 'heard');
    cluster.psql('create table disk_filler (padding text) tablespace tiny', 'heard');
    cluster.psql('alter table disk_filler alter column padding set storage plain', 'heard');
    const filled = cluster.psql(
      `do $$ begin loop insert into disk_filler select (select string_agg(md5(random()::text || g::text || h::text), '') from generate_series(1, 100) h) from generate_series(1, 50) g; end loop; exception when others then raise notice '%', sqlerrm; end $$; select pg_size_pretty(pg_total_relation_size('disk_filler'))`,
      'heard',
    );
    expect(filled).not.toBe('');
    try {
      await expectRefusedWholly(draft!);
    } finally {
      cluster.psql('drop table disk_filler', 'heard');
    }
    const again = await sendDraft(host.portalUrl, draft!, { giveUpAfterMs: 10_000 });
    expect(again.reference).not.toBeNull();
    cluster.psql('alter table outbox_messages set tablespace pg_default', 'heard');
    cluster.psql('alter table outbox_messages reset (fillfactor)', 'heard');
    cluster.psql('drop tablespace tiny');
  });
});
