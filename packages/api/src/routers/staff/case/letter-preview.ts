import { FOI_RESPONSE_OUTCOMES, transitionCase, zChoice, type CaseState, type TCaseCommand } from '@heard/domain';
import { recordAudit } from '../../../trpc';
import { loadCase, remediesForCommand, rulesFor, todayOf } from '../casework/context';
import { getTemplate, renderLetter } from '../casework/letter-service';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZLetterChoice } from '../casework/schemas';

/** The command a letter of this kind goes out with, to preview the case as it will then be. */
function commandFor(kind: string, state: CaseState, outcome: string | undefined): TCaseCommand | null {
  if (kind === 'acknowledgement' && !state.acknowledgedOn) return { type: 'acknowledge' };
  if (kind === 'response' && !state.respondedOn) {
    const decided = state.points.length > 0 && state.points.every((p) => p.finding !== null);
    return {
      type: 'respond',
      ...(decided ? { points: state.points.map((p) => ({ id: p.id, summary: p.summary, finding: p.finding as 'upheld' })) } : {}),
      ...(outcome ? { outcome: outcome as never } : {}),
      remedies: remediesForCommand(state.remedies),
    };
  }
  return null;
}

/**
 * A letter from a template with the case's merge fields filled in, as it
 * will be recorded when sent: an acknowledgement as the case will be once
 * acknowledged today, a response as it will be once answered (the outcome
 * derived from the findings, the window for the next stage).
 */
export const letterPreview = caseProcedure('read')
  .input(ZCaseId.merge(ZLetterChoice).extend({ outcome: zChoice(FOI_RESPONSE_OUTCOMES as unknown as ['provided', 'partly_provided', 'withheld', 'not_held']).optional() }))
  .query(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'read');
    let state = record.state;
    const command = commandFor((await getTemplate(ctx, input.templateId)).kind, state, input.outcome);
    if (command) {
      const simulated = transitionCase(state, command, todayOf(ctx), await rulesFor(ctx, state.policyDate));
      if (simulated.ok) state = simulated.state;
    }
    const letter = await renderLetter(ctx, record, input.templateId, input.language, state);
    await recordAudit(ctx, { action: 'read', caseId: record.id, detail: 'staff.case.letterPreview' });
    return { subject: letter.subject, body: letter.body, language: letter.language, kind: letter.template.kind, templateName: letter.template.name };
  });
