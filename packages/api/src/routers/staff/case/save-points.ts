import { caseworkRepository } from '@heard/db';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';
import { actorOf, loadCase } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZPointsInput } from '../casework/schemas';

/**
 * The complaint's points and, as the investigation goes, a finding on each.
 * Saved as a draft until the response, which derives the outcome from them
 * (packages/domain `deriveFinding`); after the response they are history.
 */
export const savePoints = caseProcedure('respond')
  .input(ZPointsInput)
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'respond', { forUpdate: true });
    if (record.type !== 'children_act_complaint' && record.type !== 'corporate_complaint') throw new AppError('REFUSED', 'refusal.notForType');
    if (record.state.respondedOn || !['received', 'acknowledged', 'in_progress', 'on_hold'].includes(record.status)) {
      throw new AppError('REFUSED', 'refusal.notAllowedInStatus', { params: { status: record.status } });
    }
    const summaries = input.points.map((p) => p.summary.toLowerCase());
    if (new Set(summaries).size !== summaries.length) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { points: 'errors.points.duplicate' } });
    const known = new Set(record.state.points.map((p) => p.id));
    if (input.points.some((p) => p.id && !known.has(p.id))) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { points: 'errors.id.invalid' } });
    const repo = caseworkRepository(ctx.tx);
    await repo.savePoints(record.id, record.councilId, input.points);
    await repo.appendEvents(record.id, record.councilId, [{ type: 'points_saved', payload: { count: input.points.length, withFindings: input.points.filter((p) => p.finding).length } }], actorOf(ctx));
    await recordAudit(ctx, { action: 'change', caseId: record.id, detail: 'staff.case.savePoints' });
    return { ok: true as const };
  });
