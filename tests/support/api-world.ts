/**
 * A small world for calling every API procedure in-process, as the apps'
 * loaders and actions do: two councils (A and B), one staff member per role
 * in each (the casework test kit's), cases of every type in A and one in B,
 * a public submission with a contact (so codes can be sent), an advocate, and
 * fresh sessions of any kind on demand. The clock is fixed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sessionRepository } from '@heard/db';
import { createStaffUser, type TestDatabase } from '@heard/db/testing';
import { JOURNEY_STEPS } from '@heard/domain';
import type { ApiCaller } from '@heard/api/server';
import { createApi, SESSION_COOKIE } from '@heard/api/server';
import { describeApiError, type ApiErrorDescription } from '@heard/api/errors';
import { ALL_ROLES, setUpCouncil, type TestCouncil, type TestRole } from '../../packages/api/src/routers/staff/casework/test-kit';

export type CallerKind = 'anonymous' | 'citizen' | 'advocate' | TestRole;
export const CALLER_KINDS: readonly CallerKind[] = ['anonymous', 'citizen', 'advocate', ...ALL_ROLES];

export type WorldCase = { id: string; reference: string; type: string; council: 'a' | 'b' };

export type World = {
  database: TestDatabase;
  now: Date;
  councils: { a: TestCouncil; b: TestCouncil };
  cases: WorldCase[];
  /** The case the citizen session opens, with the contact given on it. */
  citizenCase: WorldCase & { email: string };
  advocate: { id: string; email: string; password: string };
  draftTokens: string[];
  services: string[];
  /**
   * Staff accounts of council A that no caller of the world signs in as: the
   * ones the fuzzing of account administration may change (switching off the
   * complaints officer's account would shut every later procedure out).
   */
  spareStaffIds: string[];
  /** A fresh session of this kind in council A (or B), as its cookie's token. */
  sessionFor: (kind: CallerKind, council?: 'a' | 'b') => Promise<string | null>;
  callerFor: (kind: CallerKind, council?: 'a' | 'b', token?: string | null) => Promise<ApiCaller>;
};

export const WORLD_NOW = new Date('2025-06-04T10:00:00Z');

/** The procedure at a dotted path of a caller (`staff.case.get`). */
export function procedureAt(caller: ApiCaller, path: string): (input?: unknown) => Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  if (typeof target !== 'function') throw new Error(`no procedure at ${path}`);
  return target as (input?: unknown) => Promise<unknown>;
}

export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown; described: ApiErrorDescription };

export async function callProcedure(caller: ApiCaller, path: string, input: unknown): Promise<Outcome> {
  try {
    return { ok: true, value: await procedureAt(caller, path)(input) };
  } catch (error) {
    return { ok: false, error, described: describeApiError(error) };
  }
}

async function insertSession(
  database: TestDatabase,
  values: { councilId: string; kind: 'staff' | 'advocate' | 'citizen'; userId?: string | null; caseId?: string | null; now: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await database.withCouncil(values.councilId, (tx) =>
    sessionRepository(tx).insert({
      tokenHash: createHash('sha256').update(token).digest('hex'),
      councilId: values.councilId,
      userId: values.userId ?? null,
      caseId: values.caseId ?? null,
      kind: values.kind,
      state: 'active',
      expiresAt: new Date(values.now.getTime() + 3600_000),
      now: values.now,
    }),
  );
  return token;
}

export async function buildWorld(database: TestDatabase, now: Date = WORLD_NOW): Promise<World> {
  const a = await setUpCouncil(database, 'fuzz-a', now);
  const b = await setUpCouncil(database, 'fuzz-b', now);
  const api = createApi({ database, now: () => now });
  const callerFor = (kind: CallerKind, council: 'a' | 'b' = 'a', token?: string | null) =>
    (async () => {
      const host = council === 'a' ? a.host : b.host;
      const session = token !== undefined ? token : await sessionFor(kind, council);
      return api.getCaller(new Request(`http://${host}/`, session ? { headers: { cookie: `${SESSION_COOKIE}=${session}` } } : {}), {
        ip: '192.0.2.44',
        language: 'en',
      });
    })();

  const cases: WorldCase[] = [];
  const officerA = await callerFor(
    'complaints_officer',
    'a',
    await insertSession(database, { councilId: a.id, kind: 'staff', userId: a.users.complaints_officer, now }),
  );
  const officerB = await callerFor(
    'complaints_officer',
    'b',
    await insertSession(database, { councilId: b.id, kind: 'staff', userId: b.users.complaints_officer, now }),
  );
  const entries: Array<{ type: string; framework?: 'statutory' | 'corporate' }> = [
    { type: 'children_act_complaint' },
    { type: 'corporate_complaint' },
    { type: 'general_enquiry' },
    { type: 'member_enquiry', framework: 'statutory' },
    { type: 'compliment', framework: 'corporate' },
    { type: 'foi_request' },
  ];
  for (const [i, entry] of entries.entries()) {
    const created = await officerA.staff.case.create({
      type: entry.type as never,
      ...(entry.framework ? { framework: entry.framework } : {}),
      channel: 'phone',
      receivedOn: '2025-06-02',
      summary: `Fixture case ${i}`,
      details: 'A case made for the fuzz and security suites.',
      name: 'Fixture Person',
      email: `fixture${i}@example.com`,
      contactPreference: 'email',
    });
    cases.push({ id: created.caseId, reference: created.reference, type: entry.type, council: 'a' });
  }
  // Some further along: acknowledged, assigned to the service manager's division.
  for (const c of cases.slice(0, 3)) {
    await officerA.staff.triage
      .classify({
        caseId: c.id,
        type: c.type as never,
        framework: c.type === 'children_act_complaint' ? 'statutory' : 'corporate',
        divisionId: a.divisions.education,
        serviceId: a.services.send,
        themeIds: [a.themes.communication],
        localityId: a.locality,
      })
      .catch(() => undefined);
    await officerA.staff.triage.acknowledge({ caseId: c.id }).catch(() => undefined);
  }
  const inB = await officerB.staff.case.create({
    type: 'corporate_complaint',
    channel: 'letter',
    receivedOn: '2025-06-02',
    summary: 'Council B case',
    details: 'Only council B may see this.',
    name: 'Person in B',
    email: 'person-b@example.com',
    contactPreference: 'email',
  });
  cases.push({ id: inB.caseId, reference: inB.reference, type: 'corporate_complaint', council: 'b' });

  // A portal submission with an email, for tracking codes.
  const anonymous = await callerFor('anonymous', 'a', null);
  const email = 'tracked.person@example.com';
  const submitted = await anonymous.public.complaint.submit({
    journey: 'complaint',
    idempotencyKey: `world-${randomBytes(8).toString('hex')}`,
    role: 'parent',
    contact: { fullName: 'Tracked Person', email, contactPreference: 'email', language: 'en' },
    child: { fullName: 'Tracked Child', situation: 'looked_after' },
    serviceArea: 'not_sure',
    serviceId: a.services.fostering,
    whatHappened: 'A fixture complaint for tracking.',
    desiredOutcome: 'Nothing: it is a fixture.',
    courtOrTribunalProceedings: 'no',
  } as never);
  const tracked = await database.db
    .selectFrom('cases')
    .select(['id', 'reference', 'type'])
    .where('reference', '=', submitted.reference)
    .executeTakeFirstOrThrow();
  const citizenCase = { id: tracked.id, reference: tracked.reference, type: tracked.type, council: 'a' as const, email };
  cases.push(citizenCase);

  const advocateEmail = 'advocate@nyas.example';
  const advocatePassword = 'a-long-advocate-password-1';
  await anonymous.public.advocate.register({
    fullName: 'Fixture Advocate',
    organisation: 'NYAS',
    email: advocateEmail,
    password: advocatePassword,
    confirmPassword: advocatePassword,
  });
  const advocateRow = await database.db.selectFrom('users').select('id').where('email', '=', advocateEmail).executeTakeFirst();
  if (!advocateRow) throw new Error('the fixture advocate could not be registered (public.advocate.register changed?)');

  const draftTokens: string[] = [];
  for (const journey of ['complaint', 'compliment', 'foi'] as const) {
    // A draft starts on any page saved; an empty page may be refused, so save the last (optional) one if need be.
    for (const step of JOURNEY_STEPS[journey]) {
      const saved = await anonymous.public.draft
        .save({ journey, token: null, step: step.id, values: {}, language: 'en' })
        .catch(() => null);
      if (saved) {
        draftTokens.push(saved.token);
        break;
      }
    }
  }

  const services = (await database.db.selectFrom('services').select('id').execute()).map((s) => s.id);

  async function sessionFor(kind: CallerKind, council: 'a' | 'b' = 'a'): Promise<string | null> {
    const c = council === 'a' ? a : b;
    if (kind === 'anonymous') return null;
    if (kind === 'citizen') {
      const caseId = council === 'a' ? citizenCase.id : inB.caseId;
      return insertSession(database, { councilId: c.id, kind: 'citizen', caseId, now });
    }
    if (kind === 'advocate') {
      if (council === 'b') return null;
      return insertSession(database, { councilId: c.id, kind: 'advocate', userId: advocateRow!.id, now });
    }
    return insertSession(database, { councilId: c.id, kind: 'staff', userId: c.users[kind], now });
  }

  const spareStaffIds = [
    (await createStaffUser(database, a.id, { displayName: 'Spare Officer', roles: ['complaints_officer'] })).id,
    (await createStaffUser(database, a.id, { displayName: 'Spare Manager', roles: ['service_manager'] })).id,
  ];

  return {
    database,
    now,
    councils: { a, b },
    spareStaffIds,
    cases,
    citizenCase,
    advocate: { id: advocateRow.id, email: advocateEmail, password: advocatePassword },
    draftTokens,
    services,
    sessionFor,
    callerFor,
  };
}
