import { caseworkRepository } from '@heard/db';
import { STAGE1_CLOSURES, zChoice } from '@heard/domain';
import { loadCase, remediesForCommand, runCommand } from '../casework/context';
import { recordLetter } from '../casework/letter-service';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZLetterChoice, ZOn } from '../casework/schemas';

/**
 * The response: for a complaint, the finding on each point as saved (the
 * complaint's outcome is derived by the domain) and its remedies; or a Stage
 * 1 closure without finding; with the response letter recorded as sent.
 */
export const respond = caseProcedure('respond')
  .input(
    ZCaseId.extend({
      on: ZOn,
      closure: zChoice(STAGE1_CLOSURES.filter((c) => c === 'resolved_on_receipt' || c === 'local_resolution') as ['resolved_on_receipt', 'local_resolution']).optional(),
      letter: ZLetterChoice.optional(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'respond', { forUpdate: true });
    const points = record.state.points.map((p) => ({ id: p.id, summary: p.summary, finding: p.finding ?? undefined }));
    const allDecided = points.every((p) => p.finding !== undefined);
    await runCommand(
      ctx,
      record,
      {
        type: 'respond',
        ...(input.on ? { on: input.on } : {}),
        responderId: ctx.session.userId,
        // A point without a finding is refused by the domain ("record each point and its finding").
        ...(input.closure ? { outcome: input.closure } : allDecided && points.length > 0 ? { points: points as never } : {}),
        remedies: remediesForCommand(record.state.remedies),
      },
      { detail: 'staff.case.respond' },
    );
    if (input.letter) await recordLetter(ctx, (await caseworkRepository(ctx.tx).findById(record.id))!, input.letter);
    return { ok: true as const };
  });
