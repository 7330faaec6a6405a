/**
 * Authentication beyond what the API's own tests prove (they run in this
 * suite too: packages/api/src/routers/auth/staff-sign-in.db.test.ts for
 * wrong passwords, TOTP replay, staff idle and absolute timeouts and
 * sign-out; packages/api/src/routers/public/tracking.db.test.ts for the
 * tracking code lock): wrong TOTP codes lock the account; every kind of
 * session ends when idle and at its absolute limit; tokens are 256-bit and
 * never repeat; one-time codes lock after five failures, expire, are used
 * once, open only their own case, and cannot be guessed in practice.
 *
 * Entropy: a tracking code is 6 decimal digits from the system's secure
 * random source, log2(10^6) = 19.9 bits. With at most 5 live codes per case
 * (5 an hour) and the lock after 5 wrong codes for 15 minutes, a guesser's
 * chance is at most 5 x 5 / 10^6 = 1 in 40,000 per 15 minutes per case; the
 * reference must be known too, and every failure is audited. Session tokens,
 * links in emails and draft tokens are 256-bit (32 random bytes).
 */
import { createHash } from 'node:crypto';
import { currentTotpCode, hashPassword, newTotpSecret } from '@heard/api/server';
import { createApi, SESSION_COOKIE } from '@heard/api/server';
import { describeApiError } from '@heard/api/errors';
import { createCouncil, createStaffUser, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let database: TestDatabase;
let clock = new Date('2026-03-02T09:00:00Z');
const secret = newTotpSecret();
const PASSWORD = 'a long and memorable password';
let serviceId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const council = await createCouncil(database, { slug: 'security-auth', hostnames: ['security.example'], referencePrefix: 'SEC' });
  const passwordHash = await hashPassword(PASSWORD);
  for (const email of ['totp@security.example', 'idle@security.example', 'tokens@security.example']) {
    const user = await createStaffUser(database, council.id, { email, passwordHash });
    await database.db.updateTable('users').set({ totp_secret: secret }).where('id', '=', user.id).execute();
  }
  const division = await database.db
    .insertInto('divisions')
    .values({ council_id: council.id, name: 'Social Care' })
    .returning('id')
    .executeTakeFirstOrThrow();
  serviceId = (
    await database.db
      .insertInto('services')
      .values({ council_id: council.id, division_id: division.id, name: 'Fostering', framework: 'statutory' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => database?.destroy());

const caller = (token?: string | null, ip = '192.0.2.77') =>
  createApi({ database, now: () => clock }).getCaller(
    new Request('http://security.example/', token ? { headers: { cookie: `${SESSION_COOKIE}=${token}` } } : {}),
    { ip },
  );
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return describeApiError(error);
  }
  throw new Error('expected the call to be refused');
}

describe('staff second factor', () => {
  it('five wrong TOTP codes lock the account: the right password and code are refused until the lock ends', async () => {
    const email = 'totp@security.example';
    for (let i = 0; i < 5; i += 1) {
      const pending = await (await caller()).auth.staff.signIn({ email, password: PASSWORD });
      const right = await currentTotpCode(secret, clock);
      const wrong = right === '000000' ? '111111' : '000000';
      expect((await refusal((await caller(pending.token)).auth.staff.verifySecondFactor({ code: wrong }))).status).toBe(400);
    }
    const locked = await refusal((await caller()).auth.staff.signIn({ email, password: PASSWORD }));
    expect(locked).toMatchObject({ status: 429, messageKey: 'auth.signIn.errors.locked' });
    advance(14 * 60_000);
    expect((await refusal((await caller()).auth.staff.signIn({ email, password: PASSWORD }))).status).toBe(429);
    advance(2 * 60_000);
    const pending = await (await caller()).auth.staff.signIn({ email, password: PASSWORD });
    const active = await (await caller(pending.token)).auth.staff.verifySecondFactor({ code: await currentTotpCode(secret, clock) });
    expect(active.token).toBeTruthy();
    const failures = await database.db.selectFrom('audit_log').select('detail').where('action', '=', 'sign_in_failed').execute();
    expect(failures.map((f) => f.detail)).toContain('locked');
  });

  it('a session waiting for its second factor can do nothing else, and dies after 5 minutes', async () => {
    advance(60_000);
    const pending = await (await caller()).auth.staff.signIn({ email: 'idle@security.example', password: PASSWORD });
    expect((await refusal((await caller(pending.token)).staff.me())).status).toBe(401);
    advance(5 * 60_000 + 1_000);
    expect(
      (await refusal((await caller(pending.token)).auth.staff.verifySecondFactor({ code: await currentTotpCode(secret, clock) }))).status,
    ).toBe(401);
  });
});

describe('session tokens', () => {
  it('are 256-bit, URL-safe, and new at every step', async () => {
    advance(60_000);
    const tokens = new Set<string>();
    for (let i = 0; i < 3; i += 1) {
      advance(31_000);
      const pending = await (await caller()).auth.staff.signIn({ email: 'tokens@security.example', password: PASSWORD });
      const active = await (await caller(pending.token)).auth.staff.verifySecondFactor({ code: await currentTotpCode(secret, clock) });
      for (const token of [pending.token, active.token]) {
        expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        tokens.add(token);
      }
    }
    expect(tokens.size).toBe(6);
  });
});

/** A parent's complaint with an email, and a code for it read from the outbox (as from the person's inbox). */
async function complaintWithCode(email: string): Promise<{ reference: string; code: string }> {
  const { reference } = await (
    await caller()
  ).public.complaint.submit({
    journey: 'complaint',
    idempotencyKey: `security-${createHash('sha256').update(email).digest("hex").slice(0, 16)}-${clock.getTime()}`,
    role: 'parent',
    contact: { fullName: 'Code Person', email, contactPreference: 'email', language: 'en' },
    child: { fullName: 'Code Child', situation: 'looked_after' },
    serviceArea: 'not_sure',
    serviceId,
    whatHappened: 'Visits were cancelled.',
    desiredOutcome: 'A plan.',
    courtOrTribunalProceedings: 'no',
  } as never);
  expect(await (await caller()).public.track.requestCode({ reference, email })).toEqual({ sent: true });
  const message = await database.db
    .selectFrom('outbox_messages')
    .select('payload')
    .where('template', '=', 'tracking_code')
    .where('recipient', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const code = String((message.payload as { code: unknown }).code);
  expect(code).toMatch(/^\d{6}$/);
  return { reference, code };
}

describe('one-time codes', () => {
  it('expire after 30 minutes', async () => {
    clock = new Date('2026-11-24T10:00:00Z');
    const { reference, code } = await complaintWithCode('expiry@example.com');
    advance(31 * 60_000);
    expect((await refusal((await caller()).public.track.verifyCode({ reference, code }))).messageKey).toBe('portal.track.errors.codeWrong');
  });

  it('work once', async () => {
    advance(60 * 60_000);
    const { reference, code } = await complaintWithCode('once@example.com');
    expect((await (await caller()).public.track.verifyCode({ reference, code })).token).toBeTruthy();
    expect((await refusal((await caller()).public.track.verifyCode({ reference, code }))).messageKey).toBe('portal.track.errors.codeWrong');
  });

  it('open only their own case, and the session they open reads only that case', async () => {
    advance(60 * 60_000);
    const mine = await complaintWithCode('mine@example.com');
    const theirs = await complaintWithCode('theirs@example.com');
    if (mine.code !== theirs.code)
      expect((await refusal((await caller()).public.track.verifyCode({ reference: theirs.reference, code: mine.code }))).status).toBe(400);
    const session = await (await caller()).public.track.verifyCode({ reference: mine.reference, code: mine.code });
    expect((await (await caller(session.token)).public.track.view({})).reference).toBe(mine.reference);
    expect((await refusal((await caller(session.token)).public.track.view({ reference: theirs.reference }))).status).toBeGreaterThanOrEqual(
      400,
    );
  });

  it('lock the reference after five wrong codes, for everyone and every address', async () => {
    advance(60 * 60_000);
    const { reference, code } = await complaintWithCode('guessed@example.com');
    const wrong = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 4; i += 1)
      expect((await refusal((await caller(null, `198.51.100.${i}`)).public.track.verifyCode({ reference, code: wrong }))).status).toBe(400);
    expect((await refusal((await caller(null, '198.51.100.9')).public.track.verifyCode({ reference, code: wrong }))).status).toBe(429);
    // The right code, from yet another address: still locked.
    expect((await refusal((await caller(null, '203.0.113.5')).public.track.verifyCode({ reference, code }))).messageKey).toBe(
      'portal.track.errors.locked',
    );
  });

  it('citizen sessions end after 15 idle minutes and after an hour however active', async () => {
    advance(60 * 60_000);
    const idle = await complaintWithCode('idle.citizen@example.com');
    const idleSession = await (await caller()).public.track.verifyCode({ reference: idle.reference, code: idle.code });
    advance(16 * 60_000);
    expect((await refusal((await caller(idleSession.token)).public.track.view({}))).status).toBe(401);
    const busy = await complaintWithCode('busy.citizen@example.com');
    const busySession = await (await caller()).public.track.verifyCode({ reference: busy.reference, code: busy.code });
    for (let minutes = 0; minutes < 60; minutes += 10) {
      expect((await (await caller(busySession.token)).public.track.view({})).reference).toBe(busy.reference);
      advance(10 * 60_000);
    }
    advance(60_000);
    expect((await refusal((await caller(busySession.token)).public.track.view({}))).status).toBe(401);
  });
});

describe('the development mailbox', () => {
  it('is closed unless HEARD_DEV_MAILBOX=1: codes never leak through it in production', async () => {
    expect(process.env.HEARD_DEV_MAILBOX ?? '0').not.toBe('1');
    expect((await refusal((await caller()).public.dev.mailbox())).status).toBe(404);
  });
});
