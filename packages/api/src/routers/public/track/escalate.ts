import { caseworkRepository, trackingRepository } from '@heard/db';
import { isComplaint, transitionCase, ZPortalNextStageInput } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { publicProcedure, recordAudit } from '../../../trpc';
import { caseForCaller, caseStateOf } from '../lib/case-view';
import { contactFor, queueCaseEmail } from '../lib/case-messages';
import { deadlineColumns, rulesFor, todayOf } from '../lib/rules';

/**
 * The person asks for the next stage (a complaint's Stage 2 or 3, an FOI
 * internal review) with their reason, while the window is open: the
 * lifecycle checks the window and opens the next stage as a case of its own,
 * linked to this one, under the policy the complaint started with, with its
 * people (the advocate's account too), themes and complaint points, as the
 * back-office opens one.
 */
export const escalateCase = publicProcedure
  .input(ZPortalNextStageInput.extend({ reference: z.string().max(40).optional() }))
  .mutation(async ({ ctx, input }) => {
    const caseId = await caseForCaller(ctx, input.reference);
    const tracking = trackingRepository(ctx.tx);
    const casework = caseworkRepository(ctx.tx);
    const record = await caseStateOf(ctx, caseId, { forUpdate: true });
    const opened = (await tracking.getPersonCase(caseId)).nextStage;
    if (opened) throw new AppError('REFUSED', 'refusal.alreadyEscalated', { params: { date: opened.receivedOn } });
    const rules = await rulesFor(ctx, record.state.policyDate);
    const result = transitionCase(record.state, { type: 'request_next_stage' }, todayOf(ctx), rules);
    if (!result.ok) throw new AppError('REFUSED', result.refusal.key, { params: result.refusal.params });
    const spawned = result.spawned;
    if (!spawned?.stage) throw new AppError('REFUSED', 'refusal.noFurtherStage');
    const actor = { actorUserId: ctx.session?.kind === 'advocate' ? ctx.session.userId : null, actorLabel: ctx.session?.kind ?? 'public' };
    const now = ctx.now();
    await casework.saveTransition(record, result.state, result.events, { ...actor, deadlines: deadlineColumns(result.state, rules), now });
    const created = await casework.insertCase(ctx.council.id, {
      type: spawned.type,
      framework: spawned.framework,
      stage: spawned.stage,
      receivedOn: spawned.receivedOn,
      channel: 'portal',
      language: record.language,
      summary: record.summary,
      details: input.whyStillUnhappy,
      parentCaseId: record.id,
      divisionId: record.divisionId,
      serviceId: record.serviceId,
      localityId: record.localityId,
      referencePrefix: ctx.council.referencePrefix,
      state: spawned,
      deadlines: deadlineColumns(spawned, await rulesFor(ctx, spawned.policyDate)),
    });
    await casework.setThemes(created.id, ctx.council.id, record.themeIds);
    if (isComplaint(spawned.type) && spawned.stage !== 'ombudsman') {
      await casework.savePoints(created.id, ctx.council.id, record.state.points.map((p) => ({ summary: p.summary, finding: null })));
    }
    await tracking.copyPeople(record.id, created.id);
    await casework.appendEvents(
      created.id,
      ctx.council.id,
      [{ type: 'stage_opened', payload: { from: record.reference, stage: spawned.stage, on: spawned.receivedOn, channel: 'portal', reason: input.whyStillUnhappy } }],
      actor,
    );
    const contact = await contactFor(ctx, created.id);
    if (contact) {
      await queueCaseEmail(ctx, {
        caseId: created.id,
        contact,
        template: 'escalation_received',
        payload: { reference: created.reference, caseType: spawned.type, receivedOn: spawned.receivedOn, dueOn: deadlineColumns(spawned, await rulesFor(ctx, spawned.policyDate)).dueOn, previousReference: record.reference, stage: spawned.stage },
        key: `escalation_received:${created.id}`,
      });
    }
    await recordAudit(ctx, { action: 'change', caseId, detail: 'public.track.escalate' });
    await recordAudit(ctx, { action: 'change', caseId: created.id, detail: 'public.track.escalate: stage opened' });
    return { reference: created.reference, stage: spawned.stage };
  });
