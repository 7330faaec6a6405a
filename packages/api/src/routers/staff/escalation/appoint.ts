import { caseworkRepository } from '@heard/db';
import { ZId, zChoice } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';
import { actorOf, loadCase, runCommand } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId } from '../casework/schemas';

/**
 * Appoints people to a stage: the investigating officer and the independent
 * person to Stage 2, panel members to Stage 3. Each must hold that role; the
 * appointment is what lets them reach the case (row-level security reads it).
 * The investigating officer becomes the case's responding officer, which the
 * lifecycle allows only once the request is accepted.
 */
export const appoint = caseProcedure('escalate')
  .input(
    ZCaseId.extend({
      role: zChoice(['investigating_officer', 'independent_person', 'panel_member']),
      userIds: z.array(ZId).min(1, { error: 'casework.errors.selectPeople' }).max(5, { error: 'errors.list.tooLong' }),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'escalate', { forUpdate: true });
    const stage = input.role === 'panel_member' ? '3' : '2';
    if (record.stage !== stage || (record.type !== 'children_act_complaint' && record.type !== 'corporate_complaint')) {
      throw new AppError('REFUSED', input.role === 'panel_member' ? 'casework.errors.panelOnlyStage3' : 'casework.errors.appointOnlyStage2');
    }
    if (input.role === 'independent_person' && record.type !== 'children_act_complaint') throw new AppError('REFUSED', 'casework.errors.independentPersonStatutory');
    if (input.role !== 'panel_member' && input.userIds.length > 1) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { userIds: 'casework.errors.onePerson' } });
    const repo = caseworkRepository(ctx.tx);
    const staff = await repo.listAssignableStaff();
    for (const userId of input.userIds) {
      const person = staff.find((s) => s.id === userId);
      if (!person || !person.roles.includes(input.role)) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { userIds: 'casework.errors.notInRole' } });
    }
    if (input.role === 'investigating_officer') {
      // Through the lifecycle: refused unless the request is accepted, or if they answered the previous stage.
      await runCommand(ctx, record, { type: 'assign', officerId: input.userIds[0]! }, { detail: 'staff.escalation.appoint' });
    }
    await repo.setAssignments(record.id, record.councilId, input.role, input.userIds);
    await repo.appendEvents(record.id, record.councilId, [{ type: 'appointed', payload: { role: input.role, userIds: input.userIds } }], actorOf(ctx));
    await recordAudit(ctx, { action: 'change', caseId: record.id, detail: `staff.escalation.appoint:${input.role}` });
    return { ok: true as const };
  });
