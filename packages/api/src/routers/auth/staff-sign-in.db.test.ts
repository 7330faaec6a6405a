import { createCouncil, createStaffUser, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../auth/passwords';
import { hashSessionToken, SESSION_LIMITS } from '../../auth/sessions';
import { currentTotpCode, newTotpSecret } from '../../auth/totp';
import { describeApiError } from '../../errors';
import { createApi, SESSION_COOKIE } from '../../server';
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS } from './staff';

let database: TestDatabase;
let clock = new Date('2026-03-02T09:00:00Z');
const secret = newTotpSecret();
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  database = await createTestDatabase();
  const council = await createCouncil(database, { slug: 'auth-council', hostnames: ['auth.example'] });
  const passwordHash = await hashPassword(PASSWORD);
  for (const email of ['officer@auth.example', 'locked@auth.example', 'replay@auth.example']) {
    const user = await createStaffUser(database, council.id, { email, passwordHash });
    await database.db.updateTable('users').set({ totp_secret: secret }).where('id', '=', user.id).execute();
  }
});
afterAll(() => database.destroy());

const api = () => createApi({ database, now: () => clock });
const caller = (token?: string) =>
  api().getCaller(new Request('http://auth.example/', token ? { headers: { cookie: `${SESSION_COOKIE}=${token}` } } : {}));
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
async function signIn(email: string) {
  const first = await (await caller()).auth.staff.signIn({ email, password: PASSWORD });
  const code = await currentTotpCode(secret, clock);
  const second = await (await caller(first.token)).auth.staff.verifySecondFactor({ code });
  return { pending: first.token, active: second.token };
}

describe('staff sign-in', () => {
  it('takes a password then a TOTP code, with a new token at each step', async () => {
    const first = await (await caller()).auth.staff.signIn({ email: 'OFFICER@auth.example ', password: PASSWORD });
    expect(first.next).toBe('second_factor');
    // The password alone opens nothing.
    expect((await refusal((await caller(first.token)).staff.dashboard.summary())).status).toBe(401);
    expect(await (await caller(first.token)).auth.whoami()).toMatchObject({ kind: 'staff', pendingSecondFactor: true });

    const second = await (await caller(first.token)).auth.staff.verifySecondFactor({ code: await currentTotpCode(secret, clock) });
    expect(second.token).not.toBe(first.token);
    // The token from before the second factor is dead (no session fixation).
    expect(await (await caller(first.token)).auth.whoami()).toBeNull();
    const summary = await (await caller(second.token)).staff.dashboard.summary();
    expect(summary.user.roles).toEqual(['complaints_officer']);
    const audits = await database.db.selectFrom('audit_log').select(['action', 'actor_label']).where('action', '=', 'sign_in').execute();
    expect(audits).toEqual([{ action: 'sign_in', actor_label: 'staff' }]);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const unknown = await refusal((await caller()).auth.staff.signIn({ email: 'nobody@auth.example', password: PASSWORD }));
    const wrong = await refusal((await caller()).auth.staff.signIn({ email: 'officer@auth.example', password: 'wrong' }));
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({ status: 400, messageKey: 'auth.signIn.errors.wrong' });
  });

  it('rejects malformed input with a message key per field and writes nothing', async () => {
    const before = await database.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const described = await refusal((await caller()).auth.staff.signIn({ email: 'not an email', password: '' }));
    expect(described).toMatchObject({
      status: 400,
      fieldErrors: { email: 'auth.signIn.errors.emailInvalid', password: 'auth.signIn.errors.passwordMissing' },
    });
    const after = await database.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it(`locks the account after ${MAX_FAILED_SIGN_INS} wrong passwords, even for the right one, until the lock ends`, async () => {
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i += 1) {
      expect((await refusal((await caller()).auth.staff.signIn({ email: 'locked@auth.example', password: `guess ${i}` }))).status).toBe(400);
    }
    const locked = await refusal((await caller()).auth.staff.signIn({ email: 'locked@auth.example', password: PASSWORD }));
    expect(locked).toMatchObject({ status: 429, messageKey: 'auth.signIn.errors.locked' });
    const failures = await database.db.selectFrom('audit_log').select('detail').where('action', '=', 'sign_in_failed').execute();
    expect(failures.map((f) => f.detail)).toContain('locked');
    advance(LOCKOUT_MS + 1000);
    const first = await (await caller()).auth.staff.signIn({ email: 'locked@auth.example', password: PASSWORD });
    expect(first.next).toBe('second_factor');
  });

  it('refuses a TOTP code that was already used (replay)', async () => {
    const first = await (await caller()).auth.staff.signIn({ email: 'replay@auth.example', password: PASSWORD });
    const code = await currentTotpCode(secret, clock);
    await (await caller(first.token)).auth.staff.verifySecondFactor({ code });
    const again = await (await caller()).auth.staff.signIn({ email: 'replay@auth.example', password: PASSWORD });
    const replayed = await refusal((await caller(again.token)).auth.staff.verifySecondFactor({ code }));
    expect(replayed).toMatchObject({ status: 400, fieldErrors: { code: 'auth.totp.errors.wrong' } });
  });
});

describe('staff sessions', () => {
  it('end after 30 idle minutes', async () => {
    advance(60_000);
    const { active } = await signIn('officer@auth.example');
    advance(SESSION_LIMITS.staff.idleMs - 1000);
    await (await caller(active)).staff.dashboard.summary();
    advance(SESSION_LIMITS.staff.idleMs + 1000);
    expect((await refusal((await caller(active)).staff.dashboard.summary())).status).toBe(401);
    // The expired session is gone from the table, not just refused.
    expect(await database.db.selectFrom('sessions').select('token_hash').where('token_hash', '=', hashSessionToken(active)).execute()).toEqual([]);
  });

  it('end after 10 hours however active', async () => {
    advance(60_000);
    const { active } = await signIn('officer@auth.example');
    const steps = Math.floor(SESSION_LIMITS.staff.absoluteMs / (20 * 60_000));
    for (let i = 0; i < steps - 1; i += 1) {
      advance(20 * 60_000);
      await (await caller(active)).staff.dashboard.summary();
    }
    advance(2 * 20 * 60_000);
    expect((await refusal((await caller(active)).staff.dashboard.summary())).status).toBe(401);
  });

  it('end on sign-out, on the server', async () => {
    advance(60_000);
    const { active } = await signIn('officer@auth.example');
    expect(await (await caller(active)).auth.signOut()).toEqual({ signedOut: true });
    expect((await refusal((await caller(active)).staff.dashboard.summary())).status).toBe(401);
  });
});
