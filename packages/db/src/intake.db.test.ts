import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidReference } from '@heard/domain';
import { accessCodeRepository } from './repositories/access-code-repository';
import { advocateRepository } from './repositories/advocate-repository';
import { attachmentRepository } from './repositories/attachment-repository';
import { draftRepository } from './repositories/draft-repository';
import { intakeRepository, type NewPortalCase } from './repositories/intake-repository';
import { outboxRepository } from './repositories/outbox-repository';
import { trackingRepository } from './repositories/tracking-repository';
import { createCouncil, createTestDatabase, type TestDatabase } from './testing/index';

let database: TestDatabase;
let council: { id: string };
let other: { id: string };
const now = new Date('2026-11-24T10:00:00Z');
const hash = (text: string) => createHash('sha256').update(text).digest('hex');

beforeAll(async () => {
  database = await createTestDatabase();
  council = await createCouncil(database, { slug: 'intake-a', referencePrefix: 'CYP' });
  other = await createCouncil(database, { slug: 'intake-b', referencePrefix: 'CYP' });
});
afterAll(() => database.destroy());

function newCase(key: string, values: Partial<NewPortalCase> = {}): NewPortalCase {
  return {
    councilId: council.id,
    referencePrefix: 'CYP',
    receivedOn: '2026-11-24',
    type: 'corporate_complaint',
    framework: 'corporate',
    stage: '1',
    acknowledgementDueOn: '2026-12-01',
    dueOn: null,
    serviceId: null,
    divisionId: null,
    channel: 'portal',
    language: 'en',
    advocateSupported: false,
    summary: 'Transport to school',
    details: 'The bus did not come.',
    flags: { eligibility: { flags: [] } },
    people: [{ role: 'complainant', name: 'Alex Parent', email: 'alex@example.com', relationship: 'parent' }],
    event: { type: 'received', payload: { journey: 'complaint' }, actorUserId: null, actorLabel: 'public' },
    idempotencyKey: key,
    ...values,
  };
}

const count = async (table: 'cases' | 'case_events' | 'case_people' | 'idempotency_keys' | 'outbox_messages') =>
  Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('intake repository', () => {
  it('creates a case with its people, first event and idempotency key, under a valid reference', async () => {
    const created = await database.withCouncil(council.id, (tx) => intakeRepository(tx).createCase(newCase('key-one'), Math.random));
    expect(created.created).toBe(true);
    expect(isValidReference(created.reference)).toBe(true);
    expect(created.reference).toMatch(/^CYP-26-/);
    const people = await database.db.selectFrom('case_people').select(['role', 'name']).where('case_id', '=', created.caseId).execute();
    expect(people).toEqual([{ role: 'complainant', name: 'Alex Parent' }]);
    const events = await database.db.selectFrom('case_events').select(['type', 'actor_label']).where('case_id', '=', created.caseId).execute();
    expect(events).toEqual([{ type: 'received', actor_label: 'public' }]);
  });

  it('makes one case of a double submission, sequential or at the same moment', async () => {
    const before = await count('cases');
    const first = await database.withCouncil(council.id, (tx) => intakeRepository(tx).createCase(newCase('key-two'), Math.random));
    const again = await database.withCouncil(council.id, (tx) => intakeRepository(tx).createCase(newCase('key-two'), Math.random));
    expect(again).toEqual({ ...first, created: false });
    const together = await Promise.all(
      [1, 2, 3].map(() => database.withCouncil(council.id, (tx) => intakeRepository(tx).createCase(newCase('key-three'), Math.random))),
    );
    expect(new Set(together.map((c) => c.caseId)).size).toBe(1);
    expect(together.filter((c) => c.created)).toHaveLength(1);
    expect(await count('cases')).toBe(before + 2);
  });

  it('retries a reference that is already taken', async () => {
    // The same "random" numbers give the same reference: the second case must get another.
    let calls = 0;
    const replay = () => {
      calls += 1;
      return calls <= 8 ? 0.5 : 0.25;
    };
    const first = await database.withCouncil(council.id, (tx) => intakeRepository(tx).createCase(newCase('ref-a'), () => 0.5));
    const second = await database.withCouncil(council.id, (tx) => intakeRepository(tx).createCase(newCase('ref-b'), replay));
    expect(second.reference).not.toBe(first.reference);
    expect(isValidReference(second.reference)).toBe(true);
    // Another council may hold the same reference.
    const elsewhere = await database.withCouncil(other.id, (tx) => intakeRepository(tx).createCase(newCase('ref-a', { councilId: other.id }), () => 0.5));
    expect(elsewhere.reference).toBe(first.reference);
  });

  it('keeps one council from seeing another council’s idempotency keys', async () => {
    const seen = await database.withCouncil(other.id, (tx) => intakeRepository(tx).findByIdempotencyKey('key-one'));
    expect(seen).toBeUndefined();
  });
});

describe('outbox', () => {
  it('queues a message once per idempotency key, and lists a case’s letters without their payload', async () => {
    const created = await database.withCouncil(council.id, (tx) => intakeRepository(tx).createCase(newCase('outbox-case'), Math.random));
    const message = {
      councilId: council.id,
      caseId: created.caseId,
      channel: 'email' as const,
      recipient: 'alex@example.com',
      template: 'acknowledgement',
      language: 'en' as const,
      payload: { reference: created.reference },
      idempotencyKey: `acknowledgement:${created.caseId}`,
    };
    const results = await database.withCouncil(council.id, async (tx) => [await outboxRepository(tx).queue(message), await outboxRepository(tx).queue(message)]);
    expect(results).toEqual([true, false]);
    const letters = await database.withCouncil(council.id, (tx) => outboxRepository(tx).listForCase(created.caseId, { excludeTemplates: ['tracking_code'] }));
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ template: 'acknowledgement', channel: 'email', sentAt: null });
    expect(JSON.stringify(letters)).not.toContain('alex@example.com');
  });
});

describe('drafts', () => {
  it('are found by token hash until they expire, and keep the answers saved', async () => {
    const expiresAt = new Date(now.getTime() + 7 * 24 * 3600_000);
    const draft = await database.withCouncil(council.id, (tx) =>
      draftRepository(tx).create({ councilId: council.id, journey: 'complaint', tokenHash: hash('draft-token'), idempotencyKey: 'idem-1', language: 'en', advocateUserId: null, expiresAt, now }),
    );
    await database.withCouncil(council.id, (tx) => draftRepository(tx).saveAnswers(draft.id, { who: { role: 'parent' } }, { language: 'cy', expiresAt, now }));
    const found = await database.withCouncil(council.id, (tx) => draftRepository(tx).findLive(hash('draft-token'), now));
    expect(found).toMatchObject({ journey: 'complaint', answers: { who: { role: 'parent' } }, idempotencyKey: 'idem-1', language: 'cy' });
    const later = await database.withCouncil(council.id, (tx) => draftRepository(tx).findLive(hash('draft-token'), new Date(expiresAt.getTime() + 1)));
    expect(later).toBeUndefined();
    const deleted = await database.withCouncil(council.id, (tx) => draftRepository(tx).deleteExpired(new Date(expiresAt.getTime() + 1)));
    expect(deleted).toBe(1);
  });
});

describe('access codes and tracking locks', () => {
  it('finds a live link once, and a case’s live codes newest first', async () => {
    const created = await database.withCouncil(council.id, (tx) => intakeRepository(tx).createCase(newCase('codes-case'), Math.random));
    const later = new Date(now.getTime() + 15 * 60_000);
    await database.withCouncil(council.id, async (tx) => {
      const codes = accessCodeRepository(tx);
      await codes.insert({ councilId: council.id, purpose: 'track_link', caseId: created.caseId, userId: null, secretHash: hash('link'), expiresAt: later, now });
      await codes.insert({ councilId: council.id, purpose: 'track_code', caseId: created.caseId, userId: null, secretHash: hash('111111'), expiresAt: later, now });
      await codes.insert({ councilId: council.id, purpose: 'track_code', caseId: created.caseId, userId: null, secretHash: hash('222222'), expiresAt: later, now: new Date(now.getTime() + 1000) });
    });
    const link = await database.withCouncil(council.id, (tx) => accessCodeRepository(tx).findLiveLink('track_link', hash('link'), now));
    expect(link?.caseId).toBe(created.caseId);
    const codes = await database.withCouncil(council.id, (tx) => accessCodeRepository(tx).findLiveCodes(created.caseId, now));
    expect(codes.map((c) => c.secretHash)).toEqual([hash('222222'), hash('111111')]);
    expect(await database.withCouncil(council.id, (tx) => accessCodeRepository(tx).countSince({ purpose: 'track_code', caseId: created.caseId, since: now }))).toBe(2);
    await database.withCouncil(council.id, (tx) => accessCodeRepository(tx).expireCodes(created.caseId, now));
    expect(await database.withCouncil(council.id, (tx) => accessCodeRepository(tx).findLiveCodes(created.caseId, now))).toEqual([]);
    expect(await database.withCouncil(council.id, (tx) => accessCodeRepository(tx).findLiveLink('track_link', hash('link'), later))).toBeUndefined();
    // Another council cannot find the link.
    expect(await database.withCouncil(other.id, (tx) => accessCodeRepository(tx).findLiveLink('track_link', hash('link'), now))).toBeUndefined();

    await database.withCouncil(council.id, async (tx) => {
      const tracking = trackingRepository(tx);
      await tracking.setLock({ councilId: council.id, caseId: created.caseId, failedAttempts: 1, lockedUntil: null, now });
      await tracking.setLock({ councilId: council.id, caseId: created.caseId, failedAttempts: 5, lockedUntil: later, now });
    });
    const lock = await database.withCouncil(council.id, (tx) => trackingRepository(tx).getLock(created.caseId));
    expect(lock).toEqual({ failedAttempts: 5, lockedUntil: later });
  });
});

describe('attachments', () => {
  it('keeps the bytes apart, moves a draft’s files to its case, and removes only a draft’s own file', async () => {
    const draft = await database.withCouncil(council.id, (tx) =>
      draftRepository(tx).create({ councilId: council.id, journey: 'complaint', tokenHash: hash('attach-draft'), idempotencyKey: 'idem-attach', language: 'en', advocateUserId: null, expiresAt: new Date(now.getTime() + 3600_000), now }),
    );
    const bytes = new TextEncoder().encode('%PDF-1.4 test');
    const [kept, removed] = await database.withCouncil(council.id, async (tx) => {
      const attachments = attachmentRepository(tx);
      const values = { councilId: council.id, caseId: null, draftId: draft.id, contentType: 'application/pdf', sha256: hash('x'), source: 'submission' as const, content: bytes };
      return [await attachments.insert({ ...values, fileName: 'letter.pdf' }), await attachments.insert({ ...values, fileName: 'other.pdf' })];
    });
    expect(kept.sizeBytes).toBe(bytes.byteLength);
    expect(await database.withCouncil(council.id, (tx) => attachmentRepository(tx).deleteFromDraft(removed.id, draft.id))).toBe(true);
    const created = await database.withCouncil(council.id, (tx) => intakeRepository(tx).createCase(newCase('attach-case'), Math.random));
    await database.withCouncil(council.id, (tx) => attachmentRepository(tx).moveDraftFilesToCase(draft.id, created.caseId));
    const onCase = await database.withCouncil(council.id, (tx) => attachmentRepository(tx).listForCase(created.caseId));
    expect(onCase.map((a) => a.fileName)).toEqual(['letter.pdf']);
    expect(await database.withCouncil(council.id, (tx) => attachmentRepository(tx).deleteFromDraft(kept.id, draft.id))).toBe(false);
    const content = await database.withCouncil(council.id, (tx) => attachmentRepository(tx).getContent(kept.id));
    expect(new TextDecoder().decode(content)).toBe('%PDF-1.4 test');
  });
});

describe('advocates and the next stage', () => {
  it('creates one account per email, lists its cases, and copies the people to the next stage', async () => {
    const advocate = await database.withCouncil(council.id, (tx) =>
      advocateRepository(tx).create({ councilId: council.id, email: 'Sam@Advocacy.example', displayName: 'Sam', organisation: 'NYAS', passwordHash: 'hash', language: 'en' }),
    );
    expect(advocate?.email).toBe('sam@advocacy.example');
    const again = await database.withCouncil(council.id, (tx) =>
      advocateRepository(tx).create({ councilId: council.id, email: 'sam@advocacy.example', displayName: 'Sam', organisation: 'NYAS', passwordHash: 'hash', language: 'en' }),
    );
    expect(again).toBeUndefined();
    const created = await database.withCouncil(council.id, (tx) =>
      intakeRepository(tx).createCase(
        newCase('advocate-case', {
          people: [
            { role: 'child', name: 'Jo Young' },
            { role: 'advocate', name: 'Sam', email: 'sam@advocacy.example', userId: advocate!.id, consentRecordedAt: now },
          ],
        }),
        Math.random,
      ),
    );
    const listed = await database.withCouncil(council.id, (tx) => trackingRepository(tx).listCasesForAdvocate(advocate!.id));
    expect(listed.map((c) => [c.reference, c.youngPerson])).toEqual([[created.reference, 'Jo Young']]);
    expect(await database.withCouncil(council.id, (tx) => trackingRepository(tx).isAdvocateOnCase(advocate!.id, created.caseId))).toBe(true);

    const next = await database.withCouncil(council.id, async (tx) => {
      const stage2 = await intakeRepository(tx).createCase(newCase('advocate-case-2', { people: [] }), Math.random);
      await tx.updateTable('cases').set({ parent_case_id: created.caseId, stage: '2' }).where('id', '=', stage2.caseId).execute();
      await trackingRepository(tx).copyPeople(created.caseId, stage2.caseId);
      return { id: stage2.caseId, reference: stage2.reference };
    });
    const view = await database.withCouncil(council.id, (tx) => trackingRepository(tx).getPersonCase(created.caseId));
    expect(view.nextStage).toMatchObject({ reference: next.reference, stage: '2', status: 'received' });
    const nextView = await database.withCouncil(council.id, (tx) => trackingRepository(tx).getPersonCase(next.id));
    expect(nextView.previousStage?.reference).toBe(created.reference);
    expect(await database.withCouncil(council.id, (tx) => trackingRepository(tx).isAdvocateOnCase(advocate!.id, next.id))).toBe(true);
  });
});
