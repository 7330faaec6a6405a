/**
 * Shared set-up for the staff API's database tests (imported by `*.db.test.ts`
 * only): a council with reference data, one staff member per role (and a
 * service manager scoped to one division), signed-in sessions, and callers.
 */
import { createCouncil, createStaffUser, type TestDatabase } from '@heard/db/testing';
import type { StaffRole } from '@heard/domain';
import { startSession } from '../../../auth/sessions';
import { describeApiError, type ApiErrorDescription } from '../../../errors';
import { createApi, SESSION_COOKIE, type ApiCaller } from '../../../server';

export type TestRole = StaffRole;
export const ALL_ROLES: readonly TestRole[] = ['complaints_officer', 'service_manager', 'investigating_officer', 'independent_person', 'panel_member', 'management_viewer', 'administrator'];

export type TestCouncil = {
  id: string;
  host: string;
  divisions: { education: string; socialCare: string };
  services: { send: string; fostering: string };
  themes: { communication: string; speed: string };
  locality: string;
  users: Record<TestRole, string>;
  tokens: Record<TestRole, string>;
  /** A second investigating officer, panel member etc. are made as needed by tests. */
  extra: Record<string, { id: string; token: string }>;
};

export async function signInAs(database: TestDatabase, councilId: string, userId: string, now: Date): Promise<string> {
  const session = await database.withCouncil(councilId, (tx) => startSession(tx, { councilId, kind: 'staff', state: 'active', userId, now }));
  return session.token;
}

/** A council with two divisions, services, themes, a locality and one signed-in staff member per role. */
export async function setUpCouncil(database: TestDatabase, slug: string, now: Date): Promise<TestCouncil> {
  const host = `${slug}.example`;
  const council = await createCouncil(database, { slug, hostnames: [host], referencePrefix: 'CYP' });
  const [education, socialCare] = await database.db
    .insertInto('divisions')
    .values([
      { council_id: council.id, name: 'Education Services', name_cy: 'Gwasanaethau Addysg' },
      { council_id: council.id, name: "Children's Social Care", name_cy: 'Gofal Cymdeithasol Plant' },
    ])
    .returning('id')
    .execute();
  const [send, fostering] = await database.db
    .insertInto('services')
    .values([
      { council_id: council.id, division_id: education!.id, name: 'Integrated SEND Services', name_cy: null, framework: 'corporate' },
      { council_id: council.id, division_id: socialCare!.id, name: 'Fostering', name_cy: null, framework: 'statutory' },
    ])
    .returning('id')
    .execute();
  const [communication, speed] = await database.db
    .insertInto('themes')
    .values([
      { council_id: council.id, name: 'Communication', name_cy: null },
      { council_id: council.id, name: 'Speed of Service', name_cy: null },
    ])
    .returning('id')
    .execute();
  const [locality] = await database.db.insertInto('localities').values([{ council_id: council.id, name: 'North', name_cy: null }]).returning('id').execute();
  const users = {} as Record<TestRole, string>;
  const tokens = {} as Record<TestRole, string>;
  for (const role of ALL_ROLES) {
    const user = await createStaffUser(database, council.id, { roles: [], displayName: `Test ${role}`, email: `${role}@${host}` });
    await database.db
      .insertInto('user_roles')
      .values({ council_id: council.id, user_id: user.id, role, division_id: role === 'service_manager' ? education!.id : null, service_id: null })
      .execute();
    users[role] = user.id;
    tokens[role] = await signInAs(database, council.id, user.id, now);
  }
  return {
    id: council.id,
    host,
    divisions: { education: education!.id, socialCare: socialCare!.id },
    services: { send: send!.id, fostering: fostering!.id },
    themes: { communication: communication!.id, speed: speed!.id },
    locality: locality!.id,
    users,
    tokens,
    extra: {},
  };
}

/** Another staff member with one role, signed in. */
export async function addStaff(database: TestDatabase, council: TestCouncil, name: string, role: TestRole, now: Date): Promise<{ id: string; token: string }> {
  const user = await createStaffUser(database, council.id, { roles: [role], displayName: name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@${council.host}` });
  const token = await signInAs(database, council.id, user.id, now);
  council.extra[name] = { id: user.id, token };
  return council.extra[name];
}

export function makeCallers(database: TestDatabase, clock: () => Date) {
  const api = createApi({ database, now: clock });
  return {
    /** A caller for a staff member, freshly signed in at the test's clock (sessions expire as the clock moves on). */
    async asUser(council: Pick<TestCouncil, 'host' | 'id'>, userId: string, language: 'en' | 'cy' = 'en'): Promise<ApiCaller> {
      const token = await signInAs(database, council.id, userId, clock());
      return this.as(council, token, language);
    },
    /** A caller for a council's host, with a session token (or none). */
    async as(council: Pick<TestCouncil, 'host'>, token: string | null, language: 'en' | 'cy' = 'en'): Promise<ApiCaller> {
      return api.getCaller(new Request(`http://${council.host}/`, token ? { headers: { cookie: `${SESSION_COOKIE}=${token}` } } : {}), { ip: '192.0.2.10', language });
    },
  };
}

/** The refusal a call ends in (fails the test if the call succeeds). */
export async function refusal(promise: Promise<unknown>): Promise<ApiErrorDescription> {
  try {
    await promise;
  } catch (error) {
    return describeApiError(error);
  }
  throw new Error('expected the call to be refused');
}
