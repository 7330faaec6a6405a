import { adminRepository, caseworkRepository } from '@heard/db';
import { firstStageOf, isComplaint, ZTriageCaseInput, type CaseState, type Framework } from '@heard/domain';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';
import { actorOf, deadlineColumns, loadCase, rulesFor } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId } from '../casework/schemas';

function frameworkOf(type: CaseState['type'], chosen: Framework): Framework {
  if (type === 'children_act_complaint') return 'statutory';
  if (type === 'corporate_complaint') return 'corporate';
  if (type === 'foi_request') return 'foi';
  return chosen === 'foi' ? 'none' : chosen;
}

/**
 * Triage: the case's type and framework, and where it belongs (division,
 * service, themes, locality). The type can change only before anything has
 * been answered: the deadlines are then worked out again by the domain.
 */
export const classify = caseProcedure('triage')
  .input(ZCaseId.extend(ZTriageCaseInput.shape))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'triage', { forUpdate: true });
    const typeChanged = input.type !== record.type;
    if (typeChanged && (record.state.respondedOn || record.parentCaseId || !['received', 'acknowledged', 'in_progress'].includes(record.status))) {
      throw new AppError('REFUSED', 'casework.errors.typeFixed');
    }
    const admin = adminRepository(ctx.tx);
    const [divisions, services, themes, localities] = await Promise.all([
      admin.listReference('divisions', { activeOnly: true }),
      admin.listReference('services', { activeOnly: true }),
      admin.listReference('themes', { activeOnly: true }),
      admin.listReference('localities', { activeOnly: true }),
    ]);
    const fieldErrors: Record<string, string> = {};
    const service = input.serviceId ? services.find((s) => s.id === input.serviceId) : undefined;
    if (input.serviceId && !service) fieldErrors.serviceId = 'errors.id.invalid';
    if (input.divisionId && !divisions.some((d) => d.id === input.divisionId)) fieldErrors.divisionId = 'errors.id.invalid';
    if (service?.divisionId && input.divisionId && service.divisionId !== input.divisionId) fieldErrors.serviceId = 'casework.errors.serviceNotInDivision';
    if (input.localityId && !localities.some((l) => l.id === input.localityId)) fieldErrors.localityId = 'errors.id.invalid';
    if (input.themeIds.some((id) => !themes.some((t) => t.id === id))) fieldErrors.themeIds = 'errors.id.invalid';
    const needsFramework = !isComplaint(input.type) && input.type !== 'foi_request' && input.type !== 'general_enquiry';
    if (needsFramework && input.framework !== 'statutory' && input.framework !== 'corporate') fieldErrors.framework = 'casework.errors.frameworkRequired';
    if (Object.keys(fieldErrors).length > 0) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors });

    const state: CaseState = typeChanged
      ? { ...record.state, type: input.type, stage: firstStageOf(input.type), framework: frameworkOf(input.type, input.framework) }
      : { ...record.state, framework: frameworkOf(input.type, input.framework) };
    const rules = await rulesFor(ctx, state.policyDate);
    const repo = caseworkRepository(ctx.tx);
    await repo.updateClassification(record.id, {
      type: state.type,
      framework: state.framework,
      stage: state.stage,
      divisionId: input.divisionId ?? service?.divisionId ?? null,
      serviceId: input.serviceId ?? null,
      localityId: input.localityId ?? null,
      themeIds: input.themeIds,
      councilId: record.councilId,
      deadlines: deadlineColumns(state, rules),
      now: ctx.now(),
    });
    await repo.appendEvents(
      record.id,
      record.councilId,
      [{ type: 'classified', payload: { from: record.type, to: state.type, framework: state.framework, divisionId: input.divisionId ?? null, serviceId: input.serviceId ?? null } }],
      actorOf(ctx),
    );
    await recordAudit(ctx, { action: 'change', caseId: record.id, detail: 'staff.triage.classify' });
    return { ok: true as const };
  });
