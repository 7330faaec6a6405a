import type { CaseStatus, CaseType, Framework, Outcome, Stage } from '@heard/domain';
import type { Tx } from '../client';

/** A case as the person who raised it (or their advocate) may see it. */
export type PersonCase = {
  id: string;
  councilId: string;
  reference: string;
  type: CaseType;
  framework: Framework;
  stage: Stage | null;
  status: CaseStatus;
  receivedOn: string;
  acknowledgementDueOn: string | null;
  acknowledgedOn: string | null;
  dueOn: string | null;
  respondedOn: string | null;
  closedOn: string | null;
  outcome: Outcome | null;
  complex: boolean;
  language: 'en' | 'cy';
  parentCaseId: string | null;
  serviceId: string | null;
  divisionId: string | null;
  service: { name: string; nameCy: string | null } | null;
  /** What intake recorded for staff (classification, answers that are not columns). */
  flags: Record<string, unknown>;
  /** The earlier stage this case continues, and the next stage asked for from it. */
  previousStage: { id: string; reference: string; stage: Stage | null; receivedOn: string } | null;
  nextStage: { id: string; reference: string; stage: Stage | null; status: CaseStatus; receivedOn: string } | null;
};

/** Someone on a case who can be reached. */
export type CaseContact = {
  role: 'complainant' | 'child' | 'advocate' | 'member' | 'requester';
  name: string | null;
  email: string | null;
  phone: string | null;
  language: 'en' | 'cy' | null;
  contactPreference: string | null;
  userId: string | null;
};

/** A case listed for an advocate. */
export type AdvocateCaseSummary = {
  id: string;
  reference: string;
  type: CaseType;
  stage: Stage | null;
  status: CaseStatus;
  receivedOn: string;
  acknowledgementDueOn: string | null;
  acknowledgedOn: string | null;
  dueOn: string | null;
  respondedOn: string | null;
  youngPerson: string | null;
};

export type CaseEventRecord = { id: number; type: string; payload: Record<string, unknown>; actorLabel: string; occurredAt: Date };

/**
 * What the portal needs to let a person follow their case: find it by
 * reference, reach its contacts, count wrong codes, show it, and record what
 * the person does (add information, withdraw, ask for the next stage).
 */
export function trackingRepository(tx: Tx) {
  return {
    async findCaseIdByReference(reference: string): Promise<string | undefined> {
      const row = await tx.selectFrom('cases').select('id').where('reference', '=', reference).executeTakeFirst();
      return row?.id;
    },

    async getPersonCase(caseId: string): Promise<PersonCase> {
      const row = await tx
        .selectFrom('cases')
        .leftJoin('services', 'services.id', 'cases.service_id')
        .select([
          'cases.id',
          'cases.council_id',
          'cases.reference',
          'cases.type',
          'cases.framework',
          'cases.stage',
          'cases.status',
          'cases.received_on',
          'cases.acknowledgement_due_on',
          'cases.acknowledged_on',
          'cases.due_on',
          'cases.responded_on',
          'cases.closed_on',
          'cases.outcome',
          'cases.complex',
          'cases.language',
          'cases.parent_case_id',
          'cases.service_id',
          'cases.division_id',
          'cases.flags',
          'services.name as service_name',
          'services.name_cy as service_name_cy',
        ])
        .where('cases.id', '=', caseId)
        .executeTakeFirstOrThrow();
      const [previous, next] = await Promise.all([
        row.parent_case_id
          ? tx.selectFrom('cases').select(['id', 'reference', 'stage', 'received_on']).where('id', '=', row.parent_case_id).executeTakeFirst()
          : Promise.resolve(undefined),
        tx.selectFrom('cases').select(['id', 'reference', 'stage', 'status', 'received_on']).where('parent_case_id', '=', caseId).orderBy('received_on').executeTakeFirst(),
      ]);
      return {
        id: row.id,
        councilId: row.council_id,
        reference: row.reference,
        type: row.type as CaseType,
        framework: row.framework as Framework,
        stage: row.stage as Stage | null,
        status: row.status as CaseStatus,
        receivedOn: row.received_on,
        acknowledgementDueOn: row.acknowledgement_due_on,
        acknowledgedOn: row.acknowledged_on,
        dueOn: row.due_on,
        respondedOn: row.responded_on,
        closedOn: row.closed_on,
        outcome: row.outcome as Outcome | null,
        complex: row.complex,
        language: row.language,
        parentCaseId: row.parent_case_id,
        serviceId: row.service_id,
        divisionId: row.division_id,
        service: row.service_name ? { name: row.service_name, nameCy: row.service_name_cy } : null,
        flags: row.flags ?? {},
        previousStage: previous ? { id: previous.id, reference: previous.reference, stage: previous.stage as Stage | null, receivedOn: previous.received_on } : null,
        nextStage: next ? { id: next.id, reference: next.reference, stage: next.stage as Stage | null, status: next.status as CaseStatus, receivedOn: next.received_on } : null,
      };
    },

    /** The first event of a case's history: the answers it was raised with. */
    async findFirstEvent(caseId: string): Promise<CaseEventRecord | undefined> {
      const row = await tx.selectFrom('case_events').select(['id', 'type', 'payload', 'actor_label', 'occurred_at']).where('case_id', '=', caseId).orderBy('id').executeTakeFirst();
      return row ? { id: row.id, type: row.type, payload: row.payload, actorLabel: row.actor_label, occurredAt: row.occurred_at } : undefined;
    },

    async listEvents(caseId: string, types: readonly string[]): Promise<CaseEventRecord[]> {
      if (types.length === 0) return [];
      const rows = await tx
        .selectFrom('case_events')
        .select(['id', 'type', 'payload', 'actor_label', 'occurred_at'])
        .where('case_id', '=', caseId)
        .where('type', 'in', types)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ id: r.id, type: r.type, payload: r.payload, actorLabel: r.actor_label, occurredAt: r.occurred_at }));
    },

    async findContacts(caseId: string): Promise<CaseContact[]> {
      const rows = await tx
        .selectFrom('case_people')
        .select(['role', 'name', 'email', 'phone', 'language', 'contact_preference', 'user_id'])
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        role: r.role,
        name: r.name,
        email: r.email,
        phone: r.phone,
        language: r.language,
        contactPreference: r.contact_preference,
        userId: r.user_id,
      }));
    },

    async getLock(caseId: string): Promise<{ failedAttempts: number; lockedUntil: Date | null }> {
      const row = await tx.selectFrom('tracking_locks').select(['failed_attempts', 'locked_until']).where('case_id', '=', caseId).executeTakeFirst();
      return { failedAttempts: row?.failed_attempts ?? 0, lockedUntil: row?.locked_until ?? null };
    },

    async setLock(values: { councilId: string; caseId: string; failedAttempts: number; lockedUntil: Date | null; now: Date }): Promise<void> {
      await tx
        .insertInto('tracking_locks')
        .values({ council_id: values.councilId, case_id: values.caseId, failed_attempts: values.failedAttempts, locked_until: values.lockedUntil, updated_at: values.now })
        .onConflict((oc) =>
          oc.column('case_id').doUpdateSet({ failed_attempts: values.failedAttempts, locked_until: values.lockedUntil, updated_at: values.now }),
        )
        .execute();
    },

    async appendEvent(values: { councilId: string; caseId: string; type: string; payload: Record<string, unknown>; actorUserId: string | null; actorLabel: string }): Promise<void> {
      await tx
        .insertInto('case_events')
        .values({
          council_id: values.councilId,
          case_id: values.caseId,
          type: values.type,
          payload: JSON.stringify(values.payload),
          actor_user_id: values.actorUserId,
          actor_label: values.actorLabel,
        })
        .execute();
    },

    /** Records a status change the person made (withdrawing): the row holds the current state. */
    async updateStatus(caseId: string, values: { status: CaseStatus; closedOn: string | null; outcome: Outcome | null; now: Date }): Promise<void> {
      await tx
        .updateTable('cases')
        .set({ status: values.status, closed_on: values.closedOn, outcome: values.outcome, updated_at: values.now })
        .where('id', '=', caseId)
        .execute();
    },

    /**
     * Copies a case's people to its next stage, the advocate's account
     * included (so the advocate follows the next stage too).
     */
    async copyPeople(fromCaseId: string, toCaseId: string): Promise<void> {
      const people = await tx.selectFrom('case_people').selectAll().where('case_id', '=', fromCaseId).orderBy('created_at').orderBy('id').execute();
      if (people.length === 0) return;
      await tx
        .insertInto('case_people')
        .values(
          people.map((p) => ({
            council_id: p.council_id,
            case_id: toCaseId,
            role: p.role,
            name: p.name,
            email: p.email,
            phone: p.phone,
            date_of_birth: p.date_of_birth,
            address: p.address,
            relationship: p.relationship,
            contact_preference: p.contact_preference,
            language: p.language,
            adjustments: p.adjustments,
            consent_recorded_at: p.consent_recorded_at,
            user_id: p.user_id,
          })),
        )
        .execute();
    },

    /** Whether an advocate's account acts on a case. */
    async isAdvocateOnCase(userId: string, caseId: string): Promise<boolean> {
      const row = await tx.selectFrom('case_people').select('id').where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
      return row !== undefined;
    },

    /** An advocate's cases, newest first. */
    async listCasesForAdvocate(userId: string): Promise<AdvocateCaseSummary[]> {
      const rows = await tx
        .selectFrom('cases')
        .innerJoin('case_people as advocate', (join) => join.onRef('advocate.case_id', '=', 'cases.id').on('advocate.user_id', '=', userId))
        .leftJoin('case_people as young', (join) => join.onRef('young.case_id', '=', 'cases.id').on('young.role', '=', 'child'))
        .select([
          'cases.id',
          'cases.reference',
          'cases.type',
          'cases.stage',
          'cases.status',
          'cases.received_on',
          'cases.acknowledgement_due_on',
          'cases.acknowledged_on',
          'cases.due_on',
          'cases.responded_on',
          'young.name as young_person',
        ])
        .orderBy('cases.received_on', 'desc')
        .orderBy('cases.reference', 'desc')
        .limit(500)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        type: r.type as CaseType,
        stage: r.stage as Stage | null,
        status: r.status as CaseStatus,
        receivedOn: r.received_on,
        acknowledgementDueOn: r.acknowledgement_due_on,
        acknowledgedOn: r.acknowledged_on,
        dueOn: r.due_on,
        respondedOn: r.responded_on,
        youngPerson: r.young_person,
      }));
    },
  };
}
