import { caseworkRepository, outboxRepository, trackingRepository, type PersonCase } from '@heard/db';
import {
  computeDeadline,
  computeRequestWindow,
  describeDeadline,
  normaliseReference,
  transitionCase,
  type CaseRules,
  type CaseState,
  type DomainMessage,
  type Stage,
} from '@heard/domain';
import { AppError } from '../../../errors';
import type { PublicContext } from './context';
import { summariseDeadline, type DueSummary } from './intake';
import { SECRET_TEMPLATES } from './notifications';
import { rulesFor, todayOf } from './rules';

/**
 * The case as the lifecycle sees it: the back-office's record of it (its
 * columns and its lifecycle record), so that what the person may do is
 * decided on the same facts as what staff may do.
 */
export async function caseStateOf(ctx: PublicContext, caseId: string, options: { forUpdate?: boolean } = {}) {
  const record = await caseworkRepository(ctx.tx).findById(caseId, options);
  if (!record) throw new AppError('NOT_FOUND', 'errors.notFound');
  return record;
}

/**
 * The case a caller may see: a citizen's own case (or a stage linked to it),
 * or a case an advocate acts on. Anything else is "not found", so a reference
 * alone reveals nothing.
 */
export async function caseForCaller(ctx: PublicContext, reference?: string): Promise<string> {
  const session = ctx.session;
  const tracking = trackingRepository(ctx.tx);
  if (!session || session.kind === 'staff') throw new AppError('NOT_SIGNED_IN', 'portal.track.errors.signInFirst');
  if (session.kind === 'citizen' && !reference) return session.caseId;
  if (!reference) throw new AppError('NOT_FOUND', 'errors.notFound');
  const normalised = normaliseReference(reference);
  const caseId = normalised.ok ? await tracking.findCaseIdByReference(normalised.reference) : undefined;
  if (!caseId) throw new AppError('NOT_FOUND', 'errors.notFound');
  if (session.kind === 'advocate') {
    if (await tracking.isAdvocateOnCase(session.userId, caseId)) return caseId;
    throw new AppError('NOT_FOUND', 'errors.notFound');
  }
  if (caseId === session.caseId) return caseId;
  const [asked, own] = await Promise.all([tracking.getPersonCase(caseId), tracking.getPersonCase(session.caseId)]);
  if (asked.parentCaseId === session.caseId || own.parentCaseId === caseId) return caseId;
  throw new AppError('NOT_FOUND', 'errors.notFound');
}

export type CaseActions = {
  addInformation: boolean;
  withdraw: boolean;
  /** The next stage may be asked for until `closesOn`. */
  nextStage: { stage: Stage; closesOn: string | null } | null;
  /** The window to ask for the next stage closed on this date. */
  nextStageClosedOn: string | null;
  ombudsman: boolean;
};

/** What the person may do now, asked of the lifecycle itself (never worked out here). */
export function actionsFor(view: PersonCase, state: CaseState, rules: CaseRules, today: string): CaseActions {
  const open = ['received', 'acknowledged', 'in_progress', 'on_hold'].includes(view.status);
  const withdraw = transitionCase(state, { type: 'withdraw' }, today, rules).ok;
  // A next stage already opened (here or by staff) is a case of its own.
  const next = view.nextStage ? null : transitionCase(state, { type: 'request_next_stage' }, today, rules);
  let nextStage: CaseActions['nextStage'] = null;
  let nextStageClosedOn: string | null = null;
  if (next?.ok && next.spawned?.stage) {
    const isReview = next.spawned.stage === 'internal_review';
    nextStage = {
      stage: next.spawned.stage,
      closesOn: view.respondedOn && next.spawned.stage !== 'information_commissioner' ? computeRequestWindow(view.respondedOn, isReview ? 'foi_internal_review' : 'next_stage', rules).closesOn : null,
    };
  } else if (next && !next.ok && (next.refusal.code === 'escalationWindowClosed' || next.refusal.code === 'reviewWindowClosed')) {
    nextStageClosedOn = String(next.refusal.params.closesOn ?? '');
  }
  const complaint = view.type === 'children_act_complaint' || view.type === 'corporate_complaint';
  return { addInformation: open, withdraw, nextStage, nextStageClosedOn, ombudsman: complaint };
}

export type PersonCaseView = {
  reference: string;
  caseType: PersonCase['type'];
  stage: Stage | null;
  status: PersonCase['status'];
  receivedOn: string;
  acknowledgementDueOn: string | null;
  acknowledgedOn: string | null;
  respondedOn: string | null;
  closedOn: string | null;
  outcome: PersonCase['outcome'];
  service: { name: string; nameCy: string | null } | null;
  response: DueSummary & { explanation: DomainMessage[] };
  letters: Array<{ template: string; channel: 'email' | 'sms'; on: Date }>;
  information: Array<{ on: string; message: string; files: string[] }>;
  actions: CaseActions;
  previousStage: { reference: string; stage: Stage | null } | null;
  nextStage: { reference: string; stage: Stage | null; status: PersonCase['status']; receivedOn: string } | null;
  viewer: 'citizen' | 'advocate';
};

/** Everything the case page shows, with the due date and its explanation from @heard/domain in the person's language. */
export async function viewCase(ctx: PublicContext, caseId: string): Promise<PersonCaseView> {
  const tracking = trackingRepository(ctx.tx);
  const [view, record] = await Promise.all([tracking.getPersonCase(caseId), caseStateOf(ctx, caseId)]);
  const rules = await rulesFor(ctx, record.state.policyDate);
  const deadline = computeDeadline(record.state, 'response', rules);
  const [letters, added] = await Promise.all([
    outboxRepository(ctx.tx).listForCase(caseId, { excludeTemplates: SECRET_TEMPLATES }),
    tracking.listEvents(caseId, ['information_added']),
  ]);
  return {
    reference: view.reference,
    caseType: view.type,
    stage: view.stage,
    status: view.status,
    receivedOn: view.receivedOn,
    acknowledgementDueOn: view.acknowledgementDueOn,
    acknowledgedOn: view.acknowledgedOn,
    respondedOn: view.respondedOn,
    closedOn: view.closedOn,
    outcome: view.outcome,
    service: view.service,
    response: { ...summariseDeadline(deadline), explanation: describeDeadline(deadline, ctx.request.language) },
    letters: letters.map((l) => ({ template: l.template, channel: l.channel, on: l.createdAt })),
    information: added.map((event) => ({
      on: String(event.payload.on ?? ''),
      message: String(event.payload.message ?? ''),
      files: Array.isArray(event.payload.files) ? event.payload.files.map(String) : [],
    })),
    actions: actionsFor(view, record.state, rules, todayOf(ctx)),
    previousStage: view.previousStage ? { reference: view.previousStage.reference, stage: view.previousStage.stage } : null,
    nextStage: view.nextStage ? { reference: view.nextStage.reference, stage: view.nextStage.stage, status: view.nextStage.status, receivedOn: view.nextStage.receivedOn } : null,
    viewer: ctx.session?.kind === 'advocate' ? 'advocate' : 'citizen',
  };
}
