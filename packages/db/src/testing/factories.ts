import { randomBytes } from 'node:crypto';
import type { CaseType, StaffRole } from '@heard/domain';
import type { HeardDatabase } from '../client';
import type { NewCase } from '../schema/tables';

/**
 * Factories for tests, demo data and benchmarks. They write as the owner
 * connection (no council selected), as set-up code does, never as the app.
 */
export async function createCouncil(
  database: HeardDatabase,
  values: { slug?: string; name?: string; hostnames?: string[]; referencePrefix?: string } = {},
): Promise<{ id: string; slug: string; name: string }> {
  const slug = values.slug ?? `council-${randomBytes(3).toString('hex')}`;
  const row = await database.db
    .insertInto('councils')
    .values({
      slug,
      name: values.name ?? `Test Council ${slug}`,
      hostnames: values.hostnames ?? [],
      ...(values.referencePrefix ? { reference_prefix: values.referencePrefix } : {}),
    })
    .returning(['id', 'slug', 'name'])
    .executeTakeFirstOrThrow();
  return row;
}

export async function createStaffUser(
  database: HeardDatabase,
  councilId: string,
  values: { email?: string; displayName?: string; roles?: StaffRole[]; passwordHash?: string | null } = {},
): Promise<{ id: string; email: string }> {
  const email = values.email ?? `staff-${randomBytes(3).toString('hex')}@example.gov.uk`;
  const user = await database.db
    .insertInto('users')
    .values({
      council_id: councilId,
      email,
      display_name: values.displayName ?? 'Test Officer',
      kind: 'staff',
      password_hash: values.passwordHash ?? null,
      totp_secret: null,
      organisation: null,
      locked_until: null,
    })
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
  for (const role of values.roles ?? ['complaints_officer']) {
    await database.db
      .insertInto('user_roles')
      .values({ council_id: councilId, user_id: user.id, role, division_id: null, service_id: null })
      .execute();
  }
  return user;
}

export async function createCase(
  database: HeardDatabase,
  councilId: string,
  values: Partial<Omit<NewCase, 'council_id'>> & { type?: CaseType } = {},
): Promise<{ id: string; reference: string }> {
  const type = values.type ?? 'corporate_complaint';
  return database.db
    .insertInto('cases')
    .values({
      reference: `TST-${randomBytes(4).toString('hex').toUpperCase()}`,
      framework: type === 'children_act_complaint' ? 'statutory' : type === 'foi_request' ? 'foi' : 'corporate',
      stage: type.endsWith('_complaint') ? '1' : type === 'foi_request' ? 'request' : null,
      received_on: '2024-01-15',
      ...values,
      type,
      council_id: councilId,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
}
