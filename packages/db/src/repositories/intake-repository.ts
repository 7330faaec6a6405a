import { sql } from 'kysely';
import { generateReference, type CaseType, type Framework, type Stage } from '@heard/domain';
import type { Tx } from '../client';

/** A person on a new case: who complains, the child, the advocate, the councillor, the requester. */
export type NewCasePerson = {
  role: 'complainant' | 'child' | 'advocate' | 'member' | 'requester';
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  dateOfBirth?: string | null;
  address?: string | null;
  relationship?: string | null;
  contactPreference?: string | null;
  language?: 'en' | 'cy' | null;
  adjustments?: string | null;
  consentRecordedAt?: Date | null;
  /** The advocate's account, when an advocate submits. */
  userId?: string | null;
};

/** A case as the portal creates it: the row, its people and its first event, in one go. */
export type NewPortalCase = {
  councilId: string;
  referencePrefix: string;
  receivedOn: string;
  type: CaseType;
  framework: Framework;
  stage: Stage | null;
  acknowledgementDueOn: string | null;
  dueOn: string | null;
  serviceId: string | null;
  divisionId: string | null;
  channel: 'portal' | 'member';
  language: 'en' | 'cy';
  advocateSupported: boolean;
  summary: string | null;
  details: string | null;
  flags: Record<string, unknown>;
  people: NewCasePerson[];
  event: { type: string; payload: Record<string, unknown>; actorUserId: string | null; actorLabel: string };
  idempotencyKey: string;
};

export type CreatedCase = { caseId: string; reference: string; created: boolean };

export type PortalService = { id: string; name: string; nameCy: string | null; framework: 'statutory' | 'corporate'; divisionId: string | null };

/** A reference clash is retried this many times before giving up (331,776 references per prefix per year). */
const REFERENCE_ATTEMPTS = 20;

/**
 * New cases from the portal. Everything happens in the caller's transaction,
 * so a case, its people, its first event, its idempotency key and the
 * acknowledgement queued in the outbox are saved together or not at all.
 */
export function intakeRepository(tx: Tx) {
  return {
    /**
     * Holds the idempotency key for the rest of the transaction: a second
     * submission of the same form waits here until the first has committed,
     * then finds its case instead of making another.
     */
    async lockIdempotencyKey(councilId: string, key: string): Promise<void> {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`${councilId}:${key}`}, 0))`.execute(tx);
    },

    async findByIdempotencyKey(key: string): Promise<{ caseId: string; reference: string } | undefined> {
      const row = await tx
        .selectFrom('idempotency_keys')
        .innerJoin('cases', 'cases.id', 'idempotency_keys.case_id')
        .select(['cases.id', 'cases.reference'])
        .where('idempotency_keys.key', '=', key)
        .executeTakeFirst();
      return row ? { caseId: row.id, reference: row.reference } : undefined;
    },

    /** The council's services people can choose from, A to Z. */
    async listServices(): Promise<PortalService[]> {
      const rows = await tx
        .selectFrom('services')
        .select(['id', 'name', 'name_cy', 'framework', 'division_id'])
        .where('active', '=', true)
        .orderBy('name')
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.name, nameCy: r.name_cy, framework: r.framework, divisionId: r.division_id }));
    },

    async findService(id: string): Promise<PortalService | undefined> {
      const row = await tx
        .selectFrom('services')
        .select(['id', 'name', 'name_cy', 'framework', 'division_id'])
        .where('id', '=', id)
        .where('active', '=', true)
        .executeTakeFirst();
      return row ? { id: row.id, name: row.name, nameCy: row.name_cy, framework: row.framework, divisionId: row.division_id } : undefined;
    },

    /**
     * Creates the case with a new reference (unique per council: a clash is
     * retried), its people, its first event and its idempotency key. When the
     * key has already made a case, returns that case instead (`created: false`).
     */
    async createCase(input: NewPortalCase, random: () => number): Promise<CreatedCase> {
      await this.lockIdempotencyKey(input.councilId, input.idempotencyKey);
      const existing = await this.findByIdempotencyKey(input.idempotencyKey);
      if (existing) return { ...existing, created: false };

      const inserted = await insertCaseRow(tx, {
        councilId: input.councilId,
        referencePrefix: input.referencePrefix,
        receivedOn: input.receivedOn,
        type: input.type,
        framework: input.framework,
        stage: input.stage,
        parentCaseId: null,
        acknowledgementDueOn: input.acknowledgementDueOn,
        dueOn: input.dueOn,
        serviceId: input.serviceId,
        divisionId: input.divisionId,
        channel: input.channel,
        advocateSupported: input.advocateSupported,
        language: input.language,
        summary: input.summary,
        details: input.details,
        flags: input.flags,
      }, random);
      const caseId = inserted.id;

      if (input.people.length > 0) {
        await tx
          .insertInto('case_people')
          .values(
            input.people.map((person) => ({
              council_id: input.councilId,
              case_id: caseId,
              role: person.role,
              name: person.name ?? null,
              email: person.email ?? null,
              phone: person.phone ?? null,
              date_of_birth: person.dateOfBirth ?? null,
              address: person.address ?? null,
              relationship: person.relationship ?? null,
              contact_preference: person.contactPreference ?? null,
              language: person.language ?? null,
              adjustments: person.adjustments ?? null,
              consent_recorded_at: person.consentRecordedAt ?? null,
              user_id: person.userId ?? null,
            })),
          )
          .execute();
      }
      await tx
        .insertInto('case_events')
        .values({
          council_id: input.councilId,
          case_id: caseId,
          type: input.event.type,
          payload: JSON.stringify(input.event.payload),
          actor_user_id: input.event.actorUserId,
          actor_label: input.event.actorLabel,
        })
        .execute();
      await tx.insertInto('idempotency_keys').values({ council_id: input.councilId, key: input.idempotencyKey, case_id: caseId }).execute();
      return { caseId, reference: inserted.reference, created: true };
    },
  };
}

/** The columns of a new case row. */
export type NewCaseRow = {
  councilId: string;
  referencePrefix: string;
  receivedOn: string;
  type: CaseType;
  framework: Framework;
  stage: Stage | null;
  parentCaseId: string | null;
  acknowledgementDueOn: string | null;
  dueOn: string | null;
  serviceId: string | null;
  divisionId: string | null;
  channel: 'portal' | 'member';
  advocateSupported: boolean;
  language: 'en' | 'cy';
  summary: string | null;
  details: string | null;
  flags: Record<string, unknown>;
};

/**
 * Inserts a case row under a new reference: references are unique per
 * council, and a clash (rare: 331,776 per prefix per year) is retried with
 * another. `on conflict do nothing` keeps the transaction usable on a clash.
 */
export async function insertCaseRow(tx: Tx, values: NewCaseRow, random: () => number): Promise<{ id: string; reference: string }> {
  const year = Number(values.receivedOn.slice(0, 4));
  for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt += 1) {
    const reference = generateReference({ prefix: values.referencePrefix, year, random });
    const inserted = await tx
      .insertInto('cases')
      .values({
        council_id: values.councilId,
        reference,
        type: values.type,
        framework: values.framework,
        stage: values.stage,
        parent_case_id: values.parentCaseId,
        status: 'received',
        received_on: values.receivedOn,
        acknowledgement_due_on: values.acknowledgementDueOn,
        due_on: values.dueOn,
        service_id: values.serviceId,
        division_id: values.divisionId,
        channel: values.channel,
        advocate_supported: values.advocateSupported,
        language: values.language,
        summary: values.summary,
        details: values.details,
        flags: JSON.stringify(values.flags) as unknown as Record<string, unknown>,
      })
      .onConflict((oc) => oc.columns(['council_id', 'reference']).doNothing())
      .returning(['id', 'reference'])
      .executeTakeFirst();
    if (inserted) return inserted;
  }
  throw new Error('No free case reference after repeated attempts');
}
