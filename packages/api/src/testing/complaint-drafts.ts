/**
 * Complaint drafts ready to send, for the load and fault tests and the bench: one complaint is
 * answered page by page through the API (the portal's own draft.save, on the
 * same database the host uses), then copied N times, each copy with its own
 * token (the person's cookie), idempotency key and words, so that every
 * case made from them can be traced to its draft and checked whole.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createApi } from '../server';
import type { HeardDatabase } from '@heard/db';

export type PreparedDraft = { index: number; token: string; whatHappened: string; email: string; fullName: string };

/** A parent's complaint, page by page, as the portal's pages save it (the demo council's services). */
export function parentComplaintPages(serviceId: string, today: Date) {
  const matter = new Date(today.getTime() - 20 * 24 * 3600_000);
  return [
    ['who', { role: 'parent' }],
    ['child', { child: { fullName: 'Alex Jones', dateOfBirth: { day: '3', month: '4', year: '2015' } } }],
    ['situation', { child: { situation: 'looked_after' } }],
    ['service', { service: serviceId }],
    ['what-happened', { whatHappened: 'Contact visits were cancelled three times.' }],
    [
      'when',
      { matterOn: { day: String(matter.getUTCDate()), month: String(matter.getUTCMonth() + 1), year: String(matter.getUTCFullYear()) } },
    ],
    ['proceedings', { courtOrTribunalProceedings: 'no' }],
    ['outcome', { desiredOutcome: 'A visit plan we can rely on.' }],
    [
      'contact',
      {
        contact: {
          fullName: 'Sam Jones',
          email: 'sam@example.com',
          contactPreference: 'email',
          language: 'en',
          phone: '',
          address: { line1: '', postcode: '' },
        },
      },
    ],
    ['adjustments', { needsAdjustments: 'no' }],
    ['files', {}],
  ] as const;
}

export async function prepareComplaintDrafts(
  database: HeardDatabase,
  count: number,
  options: { host?: string; label?: string; councilSlug?: string } = {},
): Promise<PreparedDraft[]> {
  const host = options.host ?? '127.0.0.1';
  const label = options.label ?? randomBytes(3).toString('hex');
  const api = createApi({ database, ...(options.councilSlug ? { defaultCouncilSlug: options.councilSlug } : {}) });
  const caller = () => api.getCaller(new Request(`http://${host}/`), { ip: '192.0.2.200', language: 'en' });
  const services = await (await caller()).public.services.list();
  const service = services.find((s) => /fostering/i.test(s.name)) ?? services[0];
  if (!service) throw new Error('the council has no services: load the demo council first');
  let token: string | null = null;
  for (const [step, values] of parentComplaintPages(service.id, new Date())) {
    const saved: { token: string } = await (
      await caller()
    ).public.draft.save({ journey: 'complaint', token, step, values: values as Record<string, unknown>, language: 'en' });
    token = saved.token;
  }
  const template = await database.db
    .selectFrom('drafts')
    .select(['id', 'council_id', 'answers'])
    .where('token_hash', '=', createHash('sha256').update(token!).digest('hex'))
    .executeTakeFirstOrThrow();
  const drafts: PreparedDraft[] = [];
  const rows = [];
  for (let index = 0; index < count; index += 1) {
    const draftToken = randomBytes(32).toString('base64url');
    const whatHappened = `Load ${label} complaint ${index}: contact visits were cancelled ${index % 7} times, and nobody phoned back.`;
    const email = `load.${label}.${index}@example.com`;
    const fullName = `Person ${label} ${index}`;
    const answers = structuredClone(template.answers) as Record<string, Record<string, unknown>>;
    answers['what-happened'] = { whatHappened };
    answers.contact = { contact: { ...(answers.contact?.contact as Record<string, unknown>), fullName, email } };
    rows.push({
      council_id: template.council_id,
      journey: 'complaint' as const,
      token_hash: createHash('sha256').update(draftToken).digest('hex'),
      answers: JSON.stringify(answers),
      idempotency_key: randomBytes(32).toString('base64url'),
      language: 'en' as const,
      advocate_user_id: null,
      case_id: null,
      expires_at: new Date(Date.now() + 7 * 24 * 3600_000),
    });
    drafts.push({ index, token: draftToken, whatHappened, email, fullName });
  }
  for (let i = 0; i < rows.length; i += 500)
    await database.db
      .insertInto('drafts')
      .values(rows.slice(i, i + 500))
      .execute();
  await sql`delete from drafts where id = ${template.id}`.execute(database.db);
  return drafts;
}
