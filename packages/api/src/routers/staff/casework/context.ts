import {
  caseworkRepository,
  policyRepository,
  type CaseDeadlineColumns,
  type CaseRecord,
  type Council,
  type CouncilPolicyInputs,
  type RoleGrant,
  type Tx,
} from '@heard/db';
import {
  addWorkingDays,
  computeDeadline,
  computeRequestWindow,
  createCaseRules,
  isComplaint,
  renderDeadline,
  ragStatus,
  resolvePolicy,
  toUkDate,
  transitionCase,
  type CaseRules,
  type CaseState,
  type ClockKind,
  type Deadline,
  type HomeCalendarId,
  type Language,
  type PolicyVersion,
  type RagStatus,
  type TCaseCommand,
} from '@heard/domain';
import { caseAccessFor, type CaseAction } from '../../../permissions';
import { isInOwnScope } from '../../../auth/case-access';
import type { RequestMeta } from '../../../context';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';

/** What a staff procedure's handler receives (after the staff middleware). */
export type StaffContext = {
  tx: Tx;
  council: Council;
  session: { kind: 'staff'; tokenHash: string; userId: string; displayName: string; email: string; roles: RoleGrant[]; pendingSecondFactor: boolean };
  request: RequestMeta;
  now: () => Date;
};

export function todayOf(ctx: Pick<StaffContext, 'now'>): string {
  return toUkDate(ctx.now());
}

export function rolesOf(ctx: Pick<StaffContext, 'session'>) {
  return ctx.session.roles.map((grant) => grant.role);
}

/** The council's policy versions, closure days and calendar, read once per call. */
const policyInputs = new WeakMap<Tx, Promise<CouncilPolicyInputs>>();
function inputsFor(ctx: Pick<StaffContext, 'tx' | 'council'>): Promise<CouncilPolicyInputs> {
  let inputs = policyInputs.get(ctx.tx);
  if (!inputs) {
    inputs = policyRepository(ctx.tx).getInputs(ctx.council.id);
    policyInputs.set(ctx.tx, inputs);
  }
  return inputs;
}

/**
 * A case's rules: the council's policy in force on the date the complaint
 * was first received (it keeps it for life), on the council's own calendar
 * with its closure days (packages/domain `resolvePolicy`, `createCaseRules`).
 */
export async function rulesFor(ctx: Pick<StaffContext, 'tx' | 'council'>, policyDate: string): Promise<CaseRules> {
  const inputs = await inputsFor(ctx);
  const policy = resolvePolicy(policyDate, inputs.versions as PolicyVersion[]);
  return createCaseRules({ ...policy, calendar: inputs.calendar as HomeCalendarId }, inputs.closureDays);
}

/**
 * The deadline that matters now: a statutory Stage 3 runs to the panel, then
 * to the panel's findings, then to the response (its three deadlines); every
 * other case to its response. Each is computed by the domain.
 */
export function operativeClock(state: Pick<CaseState, 'type' | 'stage' | 'panelHeldOn' | 'findingsIssuedOn'>): ClockKind {
  if (state.type === 'children_act_complaint' && state.stage === '3') {
    if (!state.panelHeldOn) return 'panel';
    if (!state.findingsIssuedOn) return 'panel_findings';
  }
  return 'response';
}

/** The deadline columns the tracker reads, from the domain's deadlines. */
export function deadlineColumns(state: CaseState, rules: CaseRules): CaseDeadlineColumns {
  const acknowledgement = computeDeadline(state, 'acknowledgement', rules, { explain: false });
  const current = computeDeadline(state, operativeClock(state), rules, { explain: false });
  let dueOn: string | null = null;
  let deadlineStatus: CaseDeadlineColumns['deadlineStatus'] = 'no_deadline';
  switch (current.status) {
    case 'due':
      dueOn = current.dueOn;
      deadlineStatus = 'due';
      break;
    case 'awaiting':
      // Awaiting the acknowledgement (the Code): the latest the response can be due is still a deadline.
      dueOn = current.provisionalDueOn;
      deadlineStatus = current.awaiting === 'statement_agreed' ? 'awaiting_agreed_statement' : 'awaiting';
      break;
    case 'paused':
      deadlineStatus = 'paused';
      break;
    case 'none':
      break;
  }
  return { acknowledgementDueOn: acknowledgement.status === 'due' ? acknowledgement.dueOn : null, dueOn, deadlineStatus };
}

export type DeadlineView = { kind: ClockKind; status: Deadline['status']; dueOn: string | null; rag: RagStatus; explanation: string[] };

/** Every deadline of a case, with its RAG state and its explanation in the person's language. */
export function describeDeadlines(state: CaseState, rules: CaseRules, today: string, language: Language): { current: DeadlineView; all: DeadlineView[] } {
  const kinds: ClockKind[] = state.type === 'children_act_complaint' && state.stage === '3' ? ['acknowledgement', 'panel', 'panel_findings', 'response'] : ['acknowledgement', 'response'];
  const view = (kind: ClockKind): DeadlineView => {
    const deadline = computeDeadline(state, kind, rules);
    const answeredOn =
      kind === 'acknowledgement' ? state.acknowledgedOn : kind === 'panel' ? state.panelHeldOn : kind === 'panel_findings' ? state.findingsIssuedOn : state.respondedOn;
    return {
      kind,
      status: deadline.status,
      dueOn: deadline.status === 'due' ? deadline.dueOn : deadline.status === 'awaiting' ? deadline.provisionalDueOn : null,
      rag: ragStatus(deadline, today, rules, { answeredOn }),
      explanation: renderDeadline(deadline, language),
    };
  };
  const all = kinds.map(view);
  const currentKind = operativeClock(state);
  return { current: all.find((d) => d.kind === currentKind) ?? view(currentKind), all };
}

/** When the window to ask for the next stage (or an FOI internal review) closes, if one is open. */
export function nextStageWindow(state: CaseState, rules: CaseRules): string | null {
  if (!state.respondedOn) return null;
  if (isComplaint(state.type) && (state.stage === '1' || state.stage === '2')) return computeRequestWindow(state.respondedOn, 'next_stage', rules).closesOn;
  if (state.type === 'foi_request' && state.stage === 'request') return computeRequestWindow(state.respondedOn, 'foi_internal_review', rules).closesOn;
  return null;
}

/**
 * The dates the tracker compares due dates with, from the domain's calendars:
 * the first day that is not amber, and for "due within N working days" the
 * first day past the window, on the council's calendar and on FOI's.
 */
export async function trackerDates(ctx: Pick<StaffContext, 'tx' | 'council' | 'now'>, dueWithinDays?: number) {
  const today = todayOf(ctx);
  const rules = await rulesFor(ctx, today);
  const amber = rules.policy.amberWithinWorkingDays;
  const firstDayAfter = (calendar: CaseRules['calendars']['council'], days: number) => addWorkingDays(calendar, today, days + 1);
  return {
    today,
    council: {
      amberBefore: firstDayAfter(rules.calendars.council, amber),
      dueWithinBefore: dueWithinDays === undefined ? undefined : firstDayAfter(rules.calendars.council, dueWithinDays),
    },
    foi: {
      amberBefore: firstDayAfter(rules.calendars.foi, amber),
      dueWithinBefore: dueWithinDays === undefined ? undefined : firstDayAfter(rules.calendars.foi, dueWithinDays),
    },
  };
}

/**
 * A case for a staff action: found under row-level security (so another
 * council's case, or one outside the person's scope, is simply not there),
 * then checked again here against the person's grants for `own` access.
 * A case out of reach is "not found", never "forbidden": it does not
 * reveal that it exists.
 */
export async function loadCase(ctx: StaffContext, caseId: string, action: CaseAction, options: { forUpdate?: boolean } = {}): Promise<CaseRecord> {
  const access = caseAccessFor(rolesOf(ctx), action);
  if (access === 'none') throw new AppError('FORBIDDEN', 'errors.forbidden');
  const repo = caseworkRepository(ctx.tx);
  const record = await repo.findById(caseId, options);
  if (!record) throw new AppError('NOT_FOUND', 'casework.errors.caseNotFound');
  if (access === 'own' && !isInOwnScope(ctx.session.userId, ctx.session.roles, record, await repo.listAssignments(caseId))) {
    throw new AppError('NOT_FOUND', 'casework.errors.caseNotFound');
  }
  return record;
}

/** May this person do `action` on this case (for the page to show or hide it)? */
export function mayDo(ctx: StaffContext, action: CaseAction, record: CaseRecord, appointments: Parameters<typeof isInOwnScope>[3]): boolean {
  const access = caseAccessFor(rolesOf(ctx), action);
  return access === 'any' || (access === 'own' && isInOwnScope(ctx.session.userId, ctx.session.roles, record, appointments));
}

type CommandRemedy = { type: CaseState['remedies'][number]['type']; amountPounds: number | null; detail: string | null };

/**
 * Remedies as a lifecycle command takes them: with no detail, the field is
 * left out. (The domain's `ZRemedy` turns a missing detail into null, but does
 * not accept null back, so a remedy read from a case must not carry it.)
 */
export function remediesForCommand(remedies: readonly CommandRemedy[]): CommandRemedy[] {
  return remedies.map((r) => ({ type: r.type, amountPounds: r.amountPounds, ...(r.detail ? { detail: r.detail } : {}) }) as CommandRemedy);
}

export function actorOf(ctx: StaffContext) {
  return { actorUserId: ctx.session.userId, actorLabel: 'staff' };
}

/**
 * Runs a lifecycle command through the domain and saves the result: the new
 * state, its deadlines, its events, and the next stage's case when the
 * command opened one; or refuses with the domain's reason, saving nothing.
 */
export async function runCommand(
  ctx: StaffContext,
  record: CaseRecord,
  command: TCaseCommand,
  options: { detail: string; extras?: Record<string, unknown> } = { detail: '' },
): Promise<{ state: CaseState; spawned: { id: string; reference: string } | null }> {
  const rules = await rulesFor(ctx, record.state.policyDate);
  if (command.type === 'request_next_stage') await refuseIfAlreadyOpened(ctx, record);
  const context = command.type === 'refer_to_ombudsman' ? { ombudsmanReferrals: await ombudsmanReferralsOf(ctx, record) } : {};
  const result = transitionCase(record.state, command, todayOf(ctx), rules, context);
  if (!result.ok) throw new AppError('REFUSED', result.refusal.key, { params: result.refusal.params });
  const repo = caseworkRepository(ctx.tx);
  await repo.saveTransition(record, result.state, result.events, {
    ...actorOf(ctx),
    deadlines: deadlineColumns(result.state, rules),
    ...(options.extras ? { extras: options.extras } : {}),
    now: ctx.now(),
  });
  await recordAudit(ctx, { action: 'change', caseId: record.id, detail: options.detail || `staff.case.${command.type}` });
  const spawned = result.spawned ? await openStage(ctx, record, result.spawned) : null;
  return { state: result.state, spawned };
}

/**
 * A stage opened elsewhere (the portal's "ask for the next stage", or an
 * import) has no record of it on the earlier stage's lifecycle: its child
 * case is the record, so it is refused here as the domain would.
 */
async function refuseIfAlreadyOpened(ctx: StaffContext, record: CaseRecord): Promise<void> {
  const links = await caseworkRepository(ctx.tx).listLinks(record.id, record.parentCaseId);
  const existing = links.find((l) => l.kind === 'child' && l.stage !== 'ombudsman');
  if (!existing) return;
  const opened = await caseworkRepository(ctx.tx).findById(existing.caseId);
  const date = opened?.receivedOn ?? record.receivedOn;
  throw new AppError('REFUSED', 'refusal.alreadyEscalated', { params: { date } });
}

/**
 * Every Ombudsman case opened from this one (however it was opened), with
 * the Ombudsman's initial decision on it: the domain allows a new referral
 * only when each was sent back as premature.
 */
async function ombudsmanReferralsOf(ctx: StaffContext, record: CaseRecord) {
  const repo = caseworkRepository(ctx.tx);
  const links = await repo.listLinks(record.id, record.parentCaseId);
  const opened = await Promise.all(links.filter((l) => l.kind === 'child' && l.stage === 'ombudsman').map((l) => repo.findById(l.caseId)));
  return opened
    .filter((c): c is CaseRecord => c !== undefined)
    .map((c) => ({ referredOn: c.receivedOn, decision: c.state.ombudsmanDecision?.decision ?? null, decidedOn: c.state.ombudsmanDecision?.decidedOn ?? null }));
}

/** The next stage as a case of its own, linked to the earlier one, with its people, themes and complaint points. */
async function openStage(ctx: StaffContext, parent: CaseRecord, state: CaseState): Promise<{ id: string; reference: string }> {
  const repo = caseworkRepository(ctx.tx);
  const rules = await rulesFor(ctx, state.policyDate);
  const created = await repo.insertCase(ctx.council.id, {
    type: state.type,
    framework: state.framework,
    stage: state.stage,
    receivedOn: state.receivedOn,
    channel: parent.channel,
    language: parent.language,
    summary: parent.summary,
    details: parent.details,
    parentCaseId: parent.id,
    divisionId: parent.divisionId,
    serviceId: parent.serviceId,
    localityId: parent.localityId,
    referencePrefix: ctx.council.referencePrefix,
    state,
    deadlines: deadlineColumns(state, rules),
  });
  await repo.setThemes(created.id, ctx.council.id, parent.themeIds);
  await repo.copyPeople(parent.id, created.id, ctx.council.id);
  if (isComplaint(state.type) && state.stage !== 'ombudsman') {
    await repo.savePoints(created.id, ctx.council.id, parent.state.points.map((p) => ({ summary: p.summary, finding: null })));
  }
  await repo.appendEvents(created.id, ctx.council.id, [{ type: 'stage_opened', payload: { from: parent.reference, stage: state.stage, on: state.receivedOn } }], actorOf(ctx));
  await recordAudit(ctx, { action: 'change', caseId: created.id, detail: 'staff.case.stage_opened' });
  return created;
}
