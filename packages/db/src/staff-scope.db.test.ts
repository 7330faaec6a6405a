import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from './client';
import { createCase, createCouncil, createStaffUser, createTestDatabase, type TestDatabase } from './testing/index';

/**
 * Row-level security by staff role, tested straight on the database with
 * hand-written SQL: whatever the API does, a staff member's transaction sees
 * and changes only what their grants in `user_roles` allow.
 */
let database: TestDatabase;
let council: { id: string };
let other: { id: string };
const users: Record<string, string> = {};
const cases: Record<string, string> = {};

async function asUser<T>(userId: string | null, work: (tx: Tx) => Promise<T>, councilId = council.id): Promise<T> {
  return database.withCouncil(councilId, async (tx) => {
    if (userId) await sql`select set_config('heard.user_id', ${userId}, true)`.execute(tx);
    return work(tx);
  });
}

const references = async (tx: Tx) => (await sql<{ reference: string }>`select reference from cases order by reference`.execute(tx)).rows.map((r) => r.reference);

beforeAll(async () => {
  database = await createTestDatabase();
  council = await createCouncil(database, { slug: 'scope-council' });
  other = await createCouncil(database, { slug: 'scope-other' });
  const divisions = await database.db
    .insertInto('divisions')
    .values([
      { council_id: council.id, name: 'Education', name_cy: null },
      { council_id: council.id, name: 'Social Care', name_cy: null },
    ])
    .returning(['id', 'name'])
    .execute();
  const education = divisions.find((d) => d.name === 'Education')!.id;
  const socialCare = divisions.find((d) => d.name === 'Social Care')!.id;
  for (const role of ['complaints_officer', 'management_viewer', 'administrator', 'investigating_officer', 'independent_person', 'panel_member'] as const) {
    users[role] = (await createStaffUser(database, council.id, { roles: [role] })).id;
  }
  users.manager = (await createStaffUser(database, council.id, { roles: [] })).id;
  await database.db.insertInto('user_roles').values({ council_id: council.id, user_id: users.manager, role: 'service_manager', division_id: education, service_id: null }).execute();
  users.otherOfficer = (await createStaffUser(database, other.id, { roles: ['complaints_officer'] })).id;

  cases.education = (await createCase(database, council.id, { reference: 'S-EDU', division_id: education })).id;
  cases.social = (await createCase(database, council.id, { reference: 'S-SOC', division_id: socialCare })).id;
  cases.stage2 = (await createCase(database, council.id, { reference: 'S-ST2', division_id: socialCare, type: 'children_act_complaint', stage: '2' })).id;
  cases.stage3 = (await createCase(database, council.id, { reference: 'S-ST3', division_id: socialCare, type: 'children_act_complaint', stage: '3' })).id;
  cases.other = (await createCase(database, other.id, { reference: 'O-1' })).id;
  await database.db
    .insertInto('case_assignments')
    .values([
      { council_id: council.id, case_id: cases.stage2, user_id: users.investigating_officer!, role: 'investigating_officer' },
      { council_id: council.id, case_id: cases.stage2, user_id: users.independent_person!, role: 'independent_person' },
      { council_id: council.id, case_id: cases.stage3, user_id: users.panel_member!, role: 'panel_member' },
    ])
    .execute();
  for (const id of Object.values(cases)) {
    const councilId = id === cases.other ? other.id : council.id;
    await database.db.insertInto('case_people').values({ council_id: councilId, case_id: id, role: 'complainant', name: 'A Person' }).execute();
  }
});
afterAll(() => database.destroy());

describe('row-level security by staff role', () => {
  it('shows each role only its cases, by a query with no filter of its own', async () => {
    expect(await asUser(users.complaints_officer!, references)).toEqual(['S-EDU', 'S-SOC', 'S-ST2', 'S-ST3']);
    expect(await asUser(users.management_viewer!, references)).toEqual(['S-EDU', 'S-SOC', 'S-ST2', 'S-ST3']);
    expect(await asUser(users.manager!, references)).toEqual(['S-EDU']);
    expect(await asUser(users.investigating_officer!, references)).toEqual(['S-ST2']);
    expect(await asUser(users.independent_person!, references)).toEqual(['S-ST2']);
    expect(await asUser(users.panel_member!, references)).toEqual(['S-ST3']);
    // Another council's complaints officer sees none of this council's cases.
    expect(await asUser(users.otherOfficer!, references, other.id)).toEqual(['O-1']);
  });

  it("narrows what belongs to a case (its people) the same way as the case", async () => {
    const people = (tx: Tx) => sql<{ n: number }>`select count(*)::int as n from case_people`.execute(tx).then((r) => r.rows[0]!.n);
    expect(await asUser(users.complaints_officer!, people)).toBe(4);
    expect(await asUser(users.manager!, people)).toBe(1);
    expect(await asUser(users.panel_member!, people)).toBe(1);
  });

  it('lets management viewers and administrators read but not change a case', async () => {
    for (const role of ['management_viewer', 'administrator'] as const) {
      const updated = await asUser(users[role]!, (tx) => sql`update cases set summary = 'changed' where id = ${cases.education}`.execute(tx));
      expect(Number(updated.numAffectedRows), role).toBe(0);
    }
    const byOfficer = await asUser(users.complaints_officer!, (tx) => sql`update cases set summary = 'by the officer' where id = ${cases.education}`.execute(tx));
    expect(Number(byOfficer.numAffectedRows)).toBe(1);
  });

  it('lets a service manager change a case of their division and no other', async () => {
    const own = await asUser(users.manager!, (tx) => sql`update cases set summary = 'by the manager' where id = ${cases.education}`.execute(tx));
    const notOwn = await asUser(users.manager!, (tx) => sql`update cases set summary = 'by the manager' where id = ${cases.social}`.execute(tx));
    expect([Number(own.numAffectedRows), Number(notOwn.numAffectedRows)]).toEqual([1, 0]);
  });

  it('refuses a new case or an appointment from anyone but a complaints officer', async () => {
    await expect(
      asUser(users.manager!, (tx) => sql`insert into cases (council_id, reference, type, framework, received_on) values (${council.id}, 'S-NEW', 'corporate_complaint', 'corporate', '2024-01-01')`.execute(tx)),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asUser(users.investigating_officer!, (tx) =>
        sql`insert into case_assignments (council_id, case_id, user_id, role) values (${council.id}, ${cases.social}, ${users.investigating_officer!}, 'investigating_officer')`.execute(tx),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('shows the audit log only to administrators, and records each person as themselves', async () => {
    await asUser(users.complaints_officer!, (tx) =>
      sql`insert into audit_log (council_id, case_id, actor_user_id, actor_label, action) values (${council.id}, ${cases.education}, ${users.complaints_officer!}, 'staff', 'read')`.execute(tx),
    );
    const count = (tx: Tx) => sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(tx).then((r) => r.rows[0]!.n);
    expect(await asUser(users.complaints_officer!, count)).toBe(0);
    expect(await asUser(users.administrator!, count)).toBe(1);
    await expect(
      asUser(users.complaints_officer!, (tx) =>
        sql`insert into audit_log (council_id, actor_user_id, actor_label, action) values (${council.id}, ${users.administrator!}, 'staff', 'read')`.execute(tx),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('lets only administrators change reference data and roles', async () => {
    await expect(
      asUser(users.complaints_officer!, (tx) => sql`insert into themes (council_id, name) values (${council.id}, 'New theme')`.execute(tx)),
    ).rejects.toThrow(/row-level security/);
    const escalate = await asUser(users.manager!, (tx) => sql`update user_roles set role = 'complaints_officer' where user_id = ${users.manager!}`.execute(tx));
    expect(Number(escalate.numAffectedRows)).toBe(0);
    await asUser(users.administrator!, (tx) => sql`insert into themes (council_id, name) values (${council.id}, 'New theme')`.execute(tx));
  });

  it('leaves calls with no staff member (the portal, sign-in, jobs) to council isolation alone', async () => {
    expect(await asUser(null, references)).toEqual(['S-EDU', 'S-SOC', 'S-ST2', 'S-ST3']);
  });

  it('reads the grants once per query (an InitPlan), not once per row', async () => {
    const plan = await asUser(users.manager!, (tx) => sql<{ 'QUERY PLAN': string }>`explain select id from cases where due_on is null`.execute(tx));
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/InitPlan/);
  });
});
