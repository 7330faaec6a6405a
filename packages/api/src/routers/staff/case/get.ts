import { adminRepository, caseworkRepository } from '@heard/db';
import { recordAudit } from '../../../trpc';
import { describeDeadlines, loadCase, mayDo, nextStageWindow, rulesFor, todayOf } from '../casework/context';
import { listTemplates } from '../casework/letter-service';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId } from '../casework/schemas';

/**
 * The case page: summary with its deadlines (RAG and how each was worked
 * out), the timeline, points and findings, remedies, learning actions,
 * people, letters, appointments and linked stages; and what this person may
 * do on it. Every read is audited.
 */
export const get = caseProcedure('read')
  .input(ZCaseId)
  .query(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'read');
    const repo = caseworkRepository(ctx.tx);
    const admin = adminRepository(ctx.tx);
    const [points, remedies, learningActions, people, timeline, letters, assignments, links, staff, divisions, services, themes, localities, templates] = await Promise.all([
      repo.listPoints(record.id),
      repo.listRemedies(record.id),
      repo.listLearningActions(record.id),
      repo.listPeople(record.id),
      repo.listTimeline(record.id),
      repo.listLetters(record.id),
      repo.listAssignments(record.id),
      repo.listLinks(record.id, record.parentCaseId),
      repo.listAssignableStaff(),
      admin.listReference('divisions'),
      admin.listReference('services'),
      admin.listReference('themes'),
      admin.listReference('localities'),
      listTemplates(ctx),
    ]);
    const rules = await rulesFor(ctx, record.state.policyDate);
    const today = todayOf(ctx);
    const deadlines = describeDeadlines(record.state, rules, today, ctx.request.language);
    const can = (action: Parameters<typeof mayDo>[1]) => mayDo(ctx, action, record, assignments);
    await recordAudit(ctx, { action: 'read', caseId: record.id, detail: 'staff.case.get' });
    const nameOf = (list: { id: string; name: string; nameCy: string | null }[], id: string | null) => {
      const item = list.find((i) => i.id === id);
      return item ? { id: item.id, name: item.name, nameCy: item.nameCy } : null;
    };
    const { state, ...summary } = record;
    return {
      case: {
        ...summary,
        owner: staff.find((s) => s.id === record.ownerUserId) ?? null,
        division: nameOf(divisions, record.divisionId),
        service: nameOf(services, record.serviceId),
        locality: nameOf(localities, record.localityId),
        themes: themes.filter((t) => record.themeIds.includes(t.id)).map((t) => ({ id: t.id, name: t.name, nameCy: t.nameCy })),
      },
      state,
      today,
      deadlines,
      nextStageBy: nextStageWindow(state, rules),
      points,
      remedies,
      learningActions,
      people,
      timeline,
      letters,
      assignments,
      links,
      staff,
      reference: { divisions, services, themes, localities },
      templates: templates.map((t) => ({ id: t.id, kind: t.kind, name: t.name })),
      can: {
        triage: can('triage'),
        assign: can('assign'),
        acknowledge: can('acknowledge'),
        note: can('note'),
        respond: can('respond'),
        learning: can('learning'),
        close: can('close'),
        people: can('people'),
        escalate: can('escalate'),
        statement: can('statement'),
        panel: can('panel'),
        foi: can('foi'),
      },
    };
  });
