import { caseworkRepository } from '@heard/db';
import { computeDeadline, ZIsoDate } from '@heard/domain';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';
import { actorOf, loadCase, rulesFor } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId } from '../casework/schemas';

/**
 * Plans the review panel (statutory Stage 3) for a date. Its three
 * deadlines are the domain's: the panel within 30 working days of the
 * request, findings within 5 of the panel, the response within 15 of the
 * findings. A date after the first of them is refused, saying which date it is.
 */
export const schedulePanel = caseProcedure('escalate')
  .input(ZCaseId.extend({ plannedOn: ZIsoDate }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'escalate', { forUpdate: true });
    const state = record.state;
    if (state.type !== 'children_act_complaint' || state.stage !== '3') throw new AppError('REFUSED', 'refusal.panelOnlyStatutoryStage3');
    if (state.request?.decision !== 'accepted') throw new AppError('REFUSED', 'refusal.requestNotAccepted');
    if (state.panelHeldOn) throw new AppError('REFUSED', 'refusal.alreadyRecorded', { params: { date: state.panelHeldOn } });
    if (input.plannedOn < state.receivedOn) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { plannedOn: 'errors.date.beforeReceived' } });
    const deadline = computeDeadline(state, 'panel', await rulesFor(ctx, state.policyDate), { explain: false });
    if (deadline.status === 'due' && input.plannedOn > deadline.dueOn) {
      throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { plannedOn: 'casework.errors.panelAfterDeadline' }, params: { dueOn: deadline.dueOn } });
    }
    const repo = caseworkRepository(ctx.tx);
    await repo.saveDetails(record.id, { extras: { panelScheduledOn: input.plannedOn }, now: ctx.now() });
    await repo.appendEvents(record.id, record.councilId, [{ type: 'panel_scheduled', payload: { on: input.plannedOn } }], actorOf(ctx));
    await recordAudit(ctx, { action: 'change', caseId: record.id, detail: 'staff.escalation.schedulePanel' });
    return { ok: true as const };
  });
