import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import {
  generateReference,
  isComplaint,
  OMBUDSMAN_DECISIONS,
  type CaseEvent,
  type CaseState,
  type CaseStatus,
  type CaseType,
  type Channel,
  type Framework,
  type OmbudsmanDecision,
  type Outcome,
  type RemedyType,
  type RequestDecision,
  type Stage,
} from '@heard/domain';
import type { Tx } from '../client';
import type { AssignmentRole, CaseLinkKind, DeadlineStatus, LetterKind } from '../schema/casework-tables';
import type { CaseRow } from '../schema/tables';

/** What a case's deadlines are, as computed by @heard/domain for the tracker's columns. */
export type CaseDeadlineColumns = {
  acknowledgementDueOn: string | null;
  dueOn: string | null;
  deadlineStatus: DeadlineStatus;
};

/** The lifecycle state kept in `cases.lifecycle` (everything `CaseState` has that no column holds). */
type LifecycleExtras = Pick<
  CaseState,
  | 'policyDate'
  | 'extension'
  | 'responderId'
  | 'previousResponderId'
  | 'hold'
  | 'outOfRemit'
  | 'withdrawalReason'
  | 'request'
  | 'statementAgreedOn'
  | 'panelHeldOn'
  | 'findingsIssuedOn'
  | 'escalation'
  | 'referredToOmbudsmanOn'
  | 'ombudsmanDecision'
  | 'clarifications'
  | 'feeNotices'
> & {
  /** Stage 3: the date the panel is planned for (its deadline is the domain's `panel` clock). */
  panelScheduledOn?: string | null;
  /** Ombudsman: the LGSCO's reference and the date its recommendations are due to be complied with. */
  ombudsmanReference?: string | null;
  complianceDueOn?: string | null;
};

export type CaseRecord = {
  id: string;
  councilId: string;
  reference: string;
  type: CaseType;
  framework: Framework;
  stage: Stage | null;
  status: CaseStatus;
  parentCaseId: string | null;
  receivedOn: string;
  acknowledgementDueOn: string | null;
  acknowledgedOn: string | null;
  dueOn: string | null;
  deadlineStatus: DeadlineStatus | null;
  respondedOn: string | null;
  closedOn: string | null;
  decision: string | null;
  outcome: string | null;
  divisionId: string | null;
  serviceId: string | null;
  localityId: string | null;
  ownerUserId: string | null;
  channel: Channel;
  language: 'en' | 'cy';
  summary: string | null;
  details: string | null;
  outOfRemitReason: string | null;
  advocateSupported: boolean;
  flags: Record<string, unknown>;
  commissioned: { providerName: string | null; providerProcedureUsed: boolean | null; ofstedInformedOn: string | null; ofstedOutcomeInformedOn: string | null };
  mayShare: boolean | null;
  foiExemptions: string[];
  panelScheduledOn: string | null;
  ombudsmanReference: string | null;
  complianceDueOn: string | null;
  themeIds: string[];
  /** The case as the domain's lifecycle sees it. */
  state: CaseState;
};

export type CasePoint = { id: string; position: number; summary: string; finding: 'upheld' | 'partly_upheld' | 'not_upheld' | null; notes: string | null };
export type CaseRemedy = { id: string; type: RemedyType; amountPounds: number | null; detail: string | null; agreedOn: string | null; compliedOn: string | null };
export type CaseLearningAction = {
  id: string;
  description: string;
  ownerUserId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
  completedOn: string | null;
  complainantToldOn: string | null;
};
export type CasePerson = {
  id: string;
  role: 'complainant' | 'child' | 'advocate' | 'member' | 'requester';
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  dateOfBirth: string | null;
  relationship: string | null;
  contactPreference: string | null;
  language: 'en' | 'cy' | null;
  adjustments: string | null;
  consentRecordedAt: Date | null;
};
export type CaseTimelineEntry = { id: number; type: string; payload: Record<string, unknown>; actorUserId: string | null; actorName: string | null; actorLabel: string; occurredAt: Date };
export type StaffLetter = { id: string; kind: string; language: 'en' | 'cy'; subject: string; body: string; sentOn: string; sentByUserId: string | null; createdAt: Date };
export type CaseAssignment = { userId: string; displayName: string; role: AssignmentRole };
export type CaseLinkSummary = { caseId: string; reference: string; type: CaseType; stage: Stage | null; status: CaseStatus; kind: CaseLinkKind | 'parent' | 'child' };

export type NewCaseInput = {
  type: CaseType;
  framework: Framework;
  stage: Stage | null;
  receivedOn: string;
  channel: Channel;
  language: 'en' | 'cy';
  summary: string | null;
  details: string | null;
  parentCaseId?: string | null;
  divisionId?: string | null;
  serviceId?: string | null;
  localityId?: string | null;
  referencePrefix: string;
  state: CaseState;
  deadlines: CaseDeadlineColumns;
  extras?: Partial<LifecycleExtras>;
};

const REMEDY_FROM_ROW: Record<string, RemedyType> = { service: 'service_provided' };

function extrasOf(state: CaseState, previous: Partial<LifecycleExtras> = {}): LifecycleExtras {
  return {
    ...previous,
    policyDate: state.policyDate,
    extension: state.extension,
    responderId: state.responderId,
    previousResponderId: state.previousResponderId,
    hold: state.hold,
    outOfRemit: state.outOfRemit,
    withdrawalReason: state.withdrawalReason,
    request: state.request,
    statementAgreedOn: state.statementAgreedOn,
    panelHeldOn: state.panelHeldOn,
    findingsIssuedOn: state.findingsIssuedOn,
    escalation: state.escalation,
    referredToOmbudsmanOn: state.referredToOmbudsmanOn,
    ombudsmanDecision: state.ombudsmanDecision,
    clarifications: state.clarifications,
    feeNotices: state.feeNotices,
  };
}

/**
 * The domain's view of a case row. Rows written by the portal or the import
 * carry only columns; the lifecycle's own record (`cases.lifecycle`) fills
 * in the rest when a transition has run, and the columns stand in otherwise
 * (a Stage 2 row's decision, a statutory Stage 2's `started_on` as the
 * agreed statement, contracts.md "Case import").
 */
function toCaseState(row: CaseRow, points: CasePoint[], remedies: CaseRemedy[]): CaseState {
  const l = row.lifecycle as Partial<LifecycleExtras>;
  // The portal records a next stage's policy date and request in its flags (public.track.escalate).
  const flags = row.flags as { policyDate?: unknown; request?: unknown };
  const type = row.type as CaseType;
  const stage = row.stage as Stage | null;
  const isStageRequest = isComplaint(type) && (stage === '2' || stage === '3');
  const decision = row.decision;
  const ombudsmanDecision =
    stage === 'ombudsman' && decision && (OMBUDSMAN_DECISIONS as readonly string[]).includes(decision)
      ? { decision: decision as OmbudsmanDecision, decidedOn: row.responded_on ?? row.received_on }
      : null;
  return {
    type,
    stage,
    framework: row.framework as Framework,
    status: row.status as CaseStatus,
    receivedOn: row.received_on,
    policyDate: l.policyDate ?? (typeof flags.policyDate === 'string' && flags.policyDate <= row.received_on ? flags.policyDate : row.received_on),
    acknowledgedOn: row.acknowledged_on,
    assignedTo: row.owner_user_id,
    complex: row.complex,
    extension: l.extension ?? null,
    respondedOn: row.responded_on,
    responderId: l.responderId ?? null,
    previousResponderId: l.previousResponderId ?? null,
    outcome: row.outcome as Outcome | null,
    points: points.map((p) => ({ id: p.id, summary: p.summary, finding: p.finding })),
    remedies: remedies.map((r) => ({ type: r.type, amountPounds: r.amountPounds, detail: r.detail })),
    closedOn: row.closed_on,
    hold: l.hold !== undefined ? l.hold : row.status === 'on_hold' ? { since: row.received_on, reason: '', resumeTo: 'received' } : null,
    outOfRemit: l.outOfRemit !== undefined ? l.outOfRemit : row.out_of_remit_reason ? { reason: row.out_of_remit_reason as never, signposting: '' } : null,
    withdrawalReason: l.withdrawalReason ?? null,
    request:
      l.request !== undefined
        ? l.request
        : isStageRequest && flags.request && typeof flags.request === 'object' && !decision
          ? (flags.request as CaseState['request'])
          : isStageRequest
          ? { requestedOn: row.received_on, decision: (decision as RequestDecision | null) ?? null, decidedOn: decision ? row.received_on : null, reason: null, lateReason: null }
          : null,
    statementAgreedOn: l.statementAgreedOn !== undefined ? l.statementAgreedOn : type === 'children_act_complaint' && stage === '2' ? row.started_on : null,
    panelHeldOn: l.panelHeldOn ?? null,
    findingsIssuedOn: l.findingsIssuedOn ?? null,
    escalation: l.escalation ?? null,
    referredToOmbudsmanOn: l.referredToOmbudsmanOn ?? null,
    ombudsmanDecision: l.ombudsmanDecision !== undefined ? l.ombudsmanDecision : ombudsmanDecision,
    clarifications: l.clarifications ?? [],
    feeNotices: l.feeNotices ?? [],
  };
}

function stateColumns(state: CaseState, previousExtras: Partial<LifecycleExtras>, deadlines: CaseDeadlineColumns) {
  const decision = state.request?.decision ?? state.ombudsmanDecision?.decision ?? null;
  return {
    status: state.status,
    stage: state.stage,
    framework: state.framework,
    acknowledged_on: state.acknowledgedOn,
    owner_user_id: state.assignedTo,
    complex: state.complex,
    responded_on: state.respondedOn,
    outcome: state.outcome,
    closed_on: state.closedOn,
    out_of_remit_reason: state.outOfRemit?.reason ?? null,
    decision,
    started_on: state.statementAgreedOn,
    acknowledgement_due_on: deadlines.acknowledgementDueOn,
    due_on: deadlines.dueOn,
    deadline_status: deadlines.deadlineStatus,
    lifecycle: JSON.stringify(extrasOf(state, previousExtras)),
  };
}

function toPerson(row: {
  id: string;
  role: CasePerson['role'];
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  date_of_birth: string | null;
  relationship: string | null;
  contact_preference: string | null;
  language: 'en' | 'cy' | null;
  adjustments: string | null;
  consent_recorded_at: Date | null;
}): CasePerson {
  return {
    id: row.id,
    role: row.role,
    name: row.name,
    email: row.email,
    phone: row.phone,
    address: row.address,
    dateOfBirth: row.date_of_birth,
    relationship: row.relationship,
    contactPreference: row.contact_preference,
    language: row.language,
    adjustments: row.adjustments,
    consentRecordedAt: row.consent_recorded_at,
  };
}

/**
 * A case's record for casework, bound to one transaction. Row-level security
 * has already narrowed what the transaction can see (the council, and the
 * staff member's scope): a case out of reach is simply not found.
 */
export function caseworkRepository(tx: Tx) {
  const repo = {
    async listPoints(caseId: string): Promise<CasePoint[]> {
      const rows = await tx.selectFrom('complaint_points').select(['id', 'position', 'summary', 'finding', 'notes']).where('case_id', '=', caseId).orderBy('position').execute();
      return rows;
    },

    async listRemedies(caseId: string): Promise<CaseRemedy[]> {
      const rows = await tx
        .selectFrom('remedies')
        .select(['id', 'kind', 'amount_pence', 'description', 'agreed_on', 'complied_on'])
        .where('case_id', '=', caseId)
        .orderBy('position')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        type: REMEDY_FROM_ROW[r.kind] ?? (r.kind as RemedyType),
        amountPounds: r.amount_pence === null ? null : r.amount_pence / 100,
        detail: r.description,
        agreedOn: r.agreed_on,
        compliedOn: r.complied_on,
      }));
    },

    /** The case, its lifecycle state and its themes; `forUpdate` locks the row for the rest of the transaction. */
    async findById(id: string, options: { forUpdate?: boolean } = {}): Promise<CaseRecord | undefined> {
      let query = tx.selectFrom('cases').selectAll().where('id', '=', id);
      if (options.forUpdate) query = query.forUpdate();
      const row = await query.executeTakeFirst();
      if (!row) return undefined;
      const [points, remedies, themes] = await Promise.all([
        repo.listPoints(id),
        repo.listRemedies(id),
        tx.selectFrom('case_themes').select('theme_id').where('case_id', '=', id).execute(),
      ]);
      const l = row.lifecycle as Partial<LifecycleExtras>;
      return {
        id: row.id,
        councilId: row.council_id,
        reference: row.reference,
        type: row.type as CaseType,
        framework: row.framework as Framework,
        stage: row.stage as Stage | null,
        status: row.status as CaseStatus,
        parentCaseId: row.parent_case_id,
        receivedOn: row.received_on,
        acknowledgementDueOn: row.acknowledgement_due_on,
        acknowledgedOn: row.acknowledged_on,
        dueOn: row.due_on,
        deadlineStatus: row.deadline_status,
        respondedOn: row.responded_on,
        closedOn: row.closed_on,
        decision: row.decision,
        outcome: row.outcome,
        divisionId: row.division_id,
        serviceId: row.service_id,
        localityId: row.locality_id,
        ownerUserId: row.owner_user_id,
        channel: row.channel as Channel,
        language: row.language,
        summary: row.summary,
        details: row.details,
        outOfRemitReason: row.out_of_remit_reason,
        advocateSupported: row.advocate_supported,
        flags: row.flags,
        commissioned: {
          providerName: row.provider_name,
          providerProcedureUsed: row.provider_procedure_used,
          ofstedInformedOn: row.ofsted_informed_on,
          ofstedOutcomeInformedOn: row.ofsted_outcome_informed_on,
        },
        mayShare: row.may_share,
        foiExemptions: row.foi_exemptions,
        panelScheduledOn: l.panelScheduledOn ?? null,
        ombudsmanReference: l.ombudsmanReference ?? null,
        complianceDueOn: l.complianceDueOn ?? null,
        themeIds: themes.map((t) => t.theme_id),
        state: toCaseState(row, points, remedies),
      };
    },

    async findIdByReference(reference: string): Promise<string | undefined> {
      const row = await tx.selectFrom('cases').select('id').where('reference', '=', reference).executeTakeFirst();
      return row?.id;
    },

    /**
     * Marks a complaint as made with an advocate's support (what the annual
     * report's advocacy table counts). Never unmarks: support given stays a
     * fact of the complaint. True when the case is a complaint.
     */
    async markAdvocateSupported(caseId: string): Promise<boolean> {
      const result = await tx
        .updateTable('cases')
        .set({ advocate_supported: true })
        .where('id', '=', caseId)
        .where('type', 'in', ['children_act_complaint', 'corporate_complaint'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /**
     * Saves a transition: the new state's columns and lifecycle record, the
     * findings it recorded on the points, its remedies when it set them, and
     * its events, all in the caller's transaction.
     */
    async saveTransition(
      record: Pick<CaseRecord, 'id' | 'councilId' | 'state'>,
      after: CaseState,
      events: readonly CaseEvent[],
      options: { actorUserId: string | null; actorLabel: string; deadlines: CaseDeadlineColumns; extras?: Partial<LifecycleExtras>; now: Date },
    ): Promise<void> {
      const current = await tx.selectFrom('cases').select('lifecycle').where('id', '=', record.id).executeTakeFirstOrThrow();
      const previous = { ...(current.lifecycle as Partial<LifecycleExtras>), ...options.extras };
      await tx
        .updateTable('cases')
        .set({ ...stateColumns(after, previous, options.deadlines), updated_at: options.now })
        .where('id', '=', record.id)
        .execute();
      if (after.points !== record.state.points) {
        for (const point of after.points) {
          await tx.updateTable('complaint_points').set({ finding: point.finding, summary: point.summary }).where('id', '=', point.id).where('case_id', '=', record.id).execute();
        }
      }
      if (after.remedies !== record.state.remedies && JSON.stringify(after.remedies) !== JSON.stringify(record.state.remedies)) {
        await tx.deleteFrom('remedies').where('case_id', '=', record.id).execute();
        await repo.insertRemedies(record.id, record.councilId, after.remedies, null);
      }
      await repo.appendEvents(record.id, record.councilId, events, options);
    },

    /** Updates only the deadline columns and the extra lifecycle details (e.g. a panel date planned). */
    async saveDetails(caseId: string, values: { deadlines?: CaseDeadlineColumns; extras?: Partial<LifecycleExtras>; now: Date }): Promise<void> {
      const current = await tx.selectFrom('cases').select('lifecycle').where('id', '=', caseId).executeTakeFirstOrThrow();
      await tx
        .updateTable('cases')
        .set({
          lifecycle: JSON.stringify({ ...(current.lifecycle as Partial<LifecycleExtras>), ...values.extras }),
          updated_at: values.now,
          ...(values.deadlines
            ? { acknowledgement_due_on: values.deadlines.acknowledgementDueOn, due_on: values.deadlines.dueOn, deadline_status: values.deadlines.deadlineStatus }
            : {}),
        })
        .where('id', '=', caseId)
        .execute();
    },

    async appendEvents(
      caseId: string,
      councilId: string,
      events: readonly { type: string; payload: Record<string, unknown> }[],
      actor: { actorUserId: string | null; actorLabel: string },
    ): Promise<void> {
      if (events.length === 0) return;
      await tx
        .insertInto('case_events')
        .values(events.map((event) => ({ council_id: councilId, case_id: caseId, type: event.type, payload: JSON.stringify(event.payload), actor_user_id: actor.actorUserId, actor_label: actor.actorLabel })))
        .execute();
    },

    async insertRemedies(caseId: string, councilId: string, remedies: readonly { type: RemedyType; amountPounds: number | null; detail: string | null }[], agreedOn: string | null): Promise<string[]> {
      if (remedies.length === 0) return [];
      const rows = await tx
        .insertInto('remedies')
        .values(
          remedies.map((r, position) => ({
            council_id: councilId,
            case_id: caseId,
            kind: r.type as never,
            amount_pence: r.amountPounds === null ? null : Math.round(r.amountPounds * 100),
            description: r.detail,
            agreed_on: agreedOn,
            complied_on: null,
            position,
          })),
        )
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },

    async setRemedyComplied(caseId: string, remedyId: string, compliedOn: string | null): Promise<boolean> {
      const result = await tx.updateTable('remedies').set({ complied_on: compliedOn }).where('id', '=', remedyId).where('case_id', '=', caseId).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /**
     * A new case (staff entry, or the next stage of a complaint): a fresh
     * reference from the domain's generator, retried on the rare clash.
     */
    async insertCase(councilId: string, input: NewCaseInput): Promise<{ id: string; reference: string }> {
      const year = Number(input.receivedOn.slice(0, 4));
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const reference = generateReference({ prefix: input.referencePrefix, year, random: () => randomInt(0, 1_000_000) / 1_000_000 });
        const row = await tx
          .insertInto('cases')
          .values({
            council_id: councilId,
            reference,
            type: input.type,
            framework: input.framework,
            stage: input.stage,
            parent_case_id: input.parentCaseId ?? null,
            received_on: input.receivedOn,
            started_on: null,
            acknowledgement_due_on: null,
            acknowledged_on: null,
            due_on: null,
            responded_on: null,
            closed_on: null,
            decision: null,
            outcome: null,
            division_id: input.divisionId ?? null,
            service_id: input.serviceId ?? null,
            locality_id: input.localityId ?? null,
            owner_user_id: null,
            channel: input.channel,
            language: input.language,
            summary: input.summary,
            details: input.details,
            remedy: null,
            out_of_remit_reason: null,
            anonymised_at: null,
          })
          .onConflict((oc) => oc.columns(['council_id', 'reference']).doNothing())
          .returning(['id', 'reference'])
          .executeTakeFirst();
        if (row) {
          await tx
            .updateTable('cases')
            .set(stateColumns(input.state, input.extras ?? {}, input.deadlines))
            .where('id', '=', row.id)
            .execute();
          return row;
        }
      }
      throw new Error('no free case reference after 20 attempts');
    },

    // -- Classification -------------------------------------------------------

    async updateClassification(
      caseId: string,
      values: { type: CaseType; framework: Framework; stage: Stage | null; divisionId: string | null; serviceId: string | null; localityId: string | null; themeIds: readonly string[]; councilId: string; deadlines: CaseDeadlineColumns; now: Date },
    ): Promise<void> {
      await tx
        .updateTable('cases')
        .set({
          type: values.type,
          framework: values.framework,
          stage: values.stage,
          division_id: values.divisionId,
          service_id: values.serviceId,
          locality_id: values.localityId,
          acknowledgement_due_on: values.deadlines.acknowledgementDueOn,
          due_on: values.deadlines.dueOn,
          deadline_status: values.deadlines.deadlineStatus,
          updated_at: values.now,
        })
        .where('id', '=', caseId)
        .execute();
      await repo.setThemes(caseId, values.councilId, values.themeIds);
    },

    async setThemes(caseId: string, councilId: string, themeIds: readonly string[]): Promise<void> {
      await tx.deleteFrom('case_themes').where('case_id', '=', caseId).execute();
      if (themeIds.length > 0) {
        await tx.insertInto('case_themes').values([...new Set(themeIds)].map((theme_id) => ({ council_id: councilId, case_id: caseId, theme_id }))).execute();
      }
    },

    async updateCommissioned(caseId: string, values: CaseRecord['commissioned'], now: Date): Promise<void> {
      await tx
        .updateTable('cases')
        .set({
          provider_name: values.providerName,
          provider_procedure_used: values.providerProcedureUsed,
          ofsted_informed_on: values.ofstedInformedOn,
          ofsted_outcome_informed_on: values.ofstedOutcomeInformedOn,
          updated_at: now,
        })
        .where('id', '=', caseId)
        .execute();
    },

    async updateMayShare(caseId: string, mayShare: boolean, now: Date): Promise<void> {
      await tx.updateTable('cases').set({ may_share: mayShare, updated_at: now }).where('id', '=', caseId).execute();
    },

    async updateFoiExemptions(caseId: string, exemptions: readonly string[], now: Date): Promise<void> {
      await tx.updateTable('cases').set({ foi_exemptions: [...exemptions], updated_at: now }).where('id', '=', caseId).execute();
    },

    // -- Points, learning actions -----------------------------------------------

    /** Replaces the summaries of the points (before the response): kept ids keep their findings. */
    async savePoints(caseId: string, councilId: string, points: readonly { id?: string | undefined; summary: string; finding: CasePoint['finding'] }[]): Promise<void> {
      const keep = points.flatMap((p) => (p.id ? [p.id] : []));
      let remove = tx.deleteFrom('complaint_points').where('case_id', '=', caseId);
      if (keep.length > 0) remove = remove.where('id', 'not in', keep);
      await remove.execute();
      // Positions are unique per case: move the kept ones out of the way first.
      await tx.updateTable('complaint_points').set((eb) => ({ position: eb('position', '+', 1000) })).where('case_id', '=', caseId).execute();
      let position = 1;
      for (const point of points) {
        if (point.id) {
          await tx.updateTable('complaint_points').set({ position, summary: point.summary, finding: point.finding }).where('id', '=', point.id).where('case_id', '=', caseId).execute();
        } else {
          await tx.insertInto('complaint_points').values({ council_id: councilId, case_id: caseId, position, summary: point.summary, finding: point.finding, notes: null }).execute();
        }
        position += 1;
      }
    },

    async listLearningActions(caseId: string): Promise<CaseLearningAction[]> {
      const rows = await tx.selectFrom('learning_actions').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
      return rows.map((r) => ({
        id: r.id,
        description: r.description,
        ownerUserId: r.owner_user_id,
        ownerName: r.owner_name,
        dueOn: r.due_on,
        status: r.status as CaseLearningAction['status'],
        completedOn: r.completed_on,
        complainantToldOn: r.complainant_told_on,
      }));
    },

    async saveLearningAction(
      caseId: string,
      councilId: string,
      values: { id?: string | undefined; description: string; ownerUserId: string; ownerName: string | null; dueOn: string; status: CaseLearningAction['status']; completedOn: string | null; complainantToldOn: string | null },
    ): Promise<string | undefined> {
      const columns = {
        description: values.description,
        owner_user_id: values.ownerUserId,
        owner_name: values.ownerName,
        due_on: values.dueOn,
        status: values.status as never,
        completed_on: values.completedOn,
        complainant_told_on: values.complainantToldOn,
      };
      if (values.id) {
        const row = await tx.updateTable('learning_actions').set(columns).where('id', '=', values.id).where('case_id', '=', caseId).returning('id').executeTakeFirst();
        return row?.id;
      }
      const row = await tx
        .insertInto('learning_actions')
        .values({ ...columns, council_id: councilId, case_id: caseId, created_at: sql`clock_timestamp()` as never })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    // -- People ---------------------------------------------------------------

    async listPeople(caseId: string): Promise<CasePerson[]> {
      const rows = await tx
        .selectFrom('case_people')
        .select(['id', 'role', 'name', 'email', 'phone', 'address', 'date_of_birth', 'relationship', 'contact_preference', 'language', 'adjustments', 'consent_recorded_at'])
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toPerson);
    },

    async savePerson(caseId: string, councilId: string, person: Omit<CasePerson, 'id'> & { id?: string | undefined }): Promise<string | undefined> {
      const columns = {
        role: person.role,
        name: person.name,
        email: person.email,
        phone: person.phone,
        address: person.address,
        date_of_birth: person.dateOfBirth,
        relationship: person.relationship,
        contact_preference: person.contactPreference,
        language: person.language,
        adjustments: person.adjustments,
        consent_recorded_at: person.consentRecordedAt,
      };
      if (person.id) {
        const row = await tx.updateTable('case_people').set(columns).where('id', '=', person.id).where('case_id', '=', caseId).returning('id').executeTakeFirst();
        return row?.id;
      }
      const row = await tx
        .insertInto('case_people')
        .values({ ...columns, council_id: councilId, case_id: caseId, created_at: sql`clock_timestamp()` as never })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Copies the people of one case onto another (a new stage keeps its complainant). */
    async copyPeople(fromCaseId: string, toCaseId: string, councilId: string): Promise<void> {
      for (const person of await repo.listPeople(fromCaseId)) {
        await repo.savePerson(toCaseId, councilId, { ...person, id: undefined });
      }
    },

    // -- Timeline, letters ---------------------------------------------------------

    async listTimeline(caseId: string): Promise<CaseTimelineEntry[]> {
      const rows = await tx
        .selectFrom('case_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_user_id')
        .select(['e.id', 'e.type', 'e.payload', 'e.actor_user_id', 'e.actor_label', 'e.occurred_at', 'u.display_name'])
        .where('e.case_id', '=', caseId)
        .orderBy('e.id', 'desc')
        .limit(500)
        .execute();
      return rows.map((r) => ({ id: r.id, type: r.type, payload: r.payload, actorUserId: r.actor_user_id, actorName: r.display_name, actorLabel: r.actor_label, occurredAt: r.occurred_at }));
    },

    async listLetters(caseId: string): Promise<StaffLetter[]> {
      const rows = await tx.selectFrom('letters').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').execute();
      return rows.map((r) => ({ id: r.id, kind: r.kind, language: r.language, subject: r.subject, body: r.body, sentOn: r.sent_on, sentByUserId: r.sent_by_user_id, createdAt: r.created_at }));
    },

    async insertLetter(
      caseId: string,
      councilId: string,
      letter: { templateId: string | null; kind: LetterKind; language: 'en' | 'cy'; subject: string; body: string; sentOn: string; sentByUserId: string | null },
    ): Promise<string> {
      const row = await tx
        .insertInto('letters')
        .values({
          council_id: councilId,
          case_id: caseId,
          template_id: letter.templateId,
          kind: letter.kind,
          language: letter.language,
          subject: letter.subject,
          body: letter.body,
          sent_on: letter.sentOn,
          sent_by_user_id: letter.sentByUserId,
          created_at: sql`clock_timestamp()` as never,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    // -- Appointments, links -----------------------------------------------------------

    async listAssignments(caseId: string): Promise<CaseAssignment[]> {
      const rows = await tx
        .selectFrom('case_assignments as a')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .select(['a.user_id', 'a.role', 'u.display_name'])
        .where('a.case_id', '=', caseId)
        .orderBy('a.role')
        .orderBy('u.display_name')
        .execute();
      return rows.map((r) => ({ userId: r.user_id, role: r.role, displayName: r.display_name }));
    },

    /** Replaces the people appointed in one role (e.g. the panel members). */
    async setAssignments(caseId: string, councilId: string, role: AssignmentRole, userIds: readonly string[]): Promise<void> {
      await tx.deleteFrom('case_assignments').where('case_id', '=', caseId).where('role', '=', role).execute();
      if (userIds.length > 0) {
        await tx.insertInto('case_assignments').values([...new Set(userIds)].map((user_id) => ({ council_id: councilId, case_id: caseId, user_id, role }))).execute();
      }
    },

    async addLink(caseId: string, councilId: string, linkedCaseId: string, kind: CaseLinkKind): Promise<void> {
      await tx
        .insertInto('case_links')
        .values({ council_id: councilId, case_id: caseId, linked_case_id: linkedCaseId, kind })
        .onConflict((oc) => oc.columns(['case_id', 'linked_case_id']).doUpdateSet({ kind }))
        .execute();
    },

    /** Earlier and later stages, and cases linked either way. */
    async listLinks(caseId: string, parentCaseId: string | null): Promise<CaseLinkSummary[]> {
      const columns = ['c.id', 'c.reference', 'c.type', 'c.stage', 'c.status'] as const;
      const [parent, children, linked, linkedFrom] = await Promise.all([
        parentCaseId ? tx.selectFrom('cases as c').select(columns).where('c.id', '=', parentCaseId).execute() : Promise.resolve([]),
        tx.selectFrom('cases as c').select(columns).where('c.parent_case_id', '=', caseId).orderBy('c.received_on').execute(),
        tx.selectFrom('case_links as l').innerJoin('cases as c', 'c.id', 'l.linked_case_id').select([...columns, 'l.kind']).where('l.case_id', '=', caseId).execute(),
        tx.selectFrom('case_links as l').innerJoin('cases as c', 'c.id', 'l.case_id').select([...columns, 'l.kind']).where('l.linked_case_id', '=', caseId).execute(),
      ]);
      const summary = (r: { id: string; reference: string; type: string; stage: string | null; status: string }, kind: CaseLinkSummary['kind']): CaseLinkSummary => ({
        caseId: r.id,
        reference: r.reference,
        type: r.type as CaseType,
        stage: r.stage as Stage | null,
        status: r.status as CaseStatus,
        kind,
      });
      return [
        ...parent.map((r) => summary(r, 'parent')),
        ...children.map((r) => summary(r, 'child')),
        ...linked.map((r) => summary(r, r.kind)),
        ...linkedFrom.map((r) => summary(r, r.kind)),
      ];
    },

    /** Staff who may be given work: active staff of the council, by name. */
    async listAssignableStaff(): Promise<{ id: string; displayName: string; roles: string[] }[]> {
      const rows = await tx
        .selectFrom('users as u')
        .leftJoin('user_roles as r', 'r.user_id', 'u.id')
        .select(['u.id', 'u.display_name', sql<string[]>`coalesce(array_agg(distinct r.role) filter (where r.role is not null), '{}')`.as('roles')])
        .where('u.kind', '=', 'staff')
        .where('u.active', '=', true)
        .groupBy(['u.id', 'u.display_name'])
        .orderBy('u.display_name')
        .execute();
      return rows.map((r) => ({ id: r.id, displayName: r.display_name, roles: r.roles }));
    },
  };
  return repo;
}
