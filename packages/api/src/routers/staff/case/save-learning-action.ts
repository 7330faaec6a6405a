import { caseworkRepository } from '@heard/db';
import { isComplaint, OUTCOMES_WITH_LEARNING, ZId, ZLearningActionInput, type CaseState } from '@heard/domain';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';
import { actorOf, loadCase, todayOf } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId } from '../casework/schemas';

function refuseUnlessUpheld(state: CaseState): void {
  if (!isComplaint(state.type)) throw new AppError('REFUSED', 'casework.errors.learningOnlyComplaints');
  if (state.outcome === null) throw new AppError('REFUSED', 'casework.errors.learningBeforeOutcome');
  if (!OUTCOMES_WITH_LEARNING.includes(state.outcome)) throw new AppError('REFUSED', 'casework.errors.learningNotUpheld');
}

/**
 * A learning action from a complaint found at fault (upheld or partly
 * upheld, or fault found by the Ombudsman): owner, due
 * date, status, and the date the complainant was told what changed
 * (rules.md "Outcomes"). Refused for any other case, and for a complaint
 * not yet answered as upheld or partly upheld: the back-office hides the
 * form then, and this holds for every caller.
 */
export const saveLearningAction = caseProcedure('learning')
  .input(ZCaseId.extend({ actionId: ZId.optional(), action: ZLearningActionInput }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'learning', { forUpdate: true });
    refuseUnlessUpheld(record.state);
    const repo = caseworkRepository(ctx.tx);
    const owner = (await repo.listAssignableStaff()).find((s) => s.id === input.action.ownerId);
    if (!owner) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { 'action.ownerId': 'errors.id.invalid' } });
    if (input.action.complainantToldOn && input.action.complainantToldOn > todayOf(ctx)) {
      throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { 'action.complainantToldOn': 'errors.date.inFuture' } });
    }
    const id = await repo.saveLearningAction(record.id, record.councilId, {
      id: input.actionId,
      description: input.action.description,
      ownerUserId: owner.id,
      ownerName: owner.displayName,
      dueOn: input.action.dueOn,
      status: input.action.status,
      completedOn: input.action.status === 'done' ? todayOf(ctx) : null,
      complainantToldOn: input.action.complainantToldOn ?? null,
    });
    if (!id) throw new AppError('NOT_FOUND', 'errors.notFound');
    await repo.appendEvents(record.id, record.councilId, [{ type: input.actionId ? 'learning_action_updated' : 'learning_action_added', payload: { actionId: id, status: input.action.status } }], actorOf(ctx));
    await recordAudit(ctx, { action: 'change', caseId: record.id, detail: 'staff.case.saveLearningAction' });
    return { actionId: id };
  });
