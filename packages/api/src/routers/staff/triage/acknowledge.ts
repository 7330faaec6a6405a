import { caseworkRepository } from '@heard/db';
import { loadCase, runCommand } from '../casework/context';
import { recordLetter } from '../casework/letter-service';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZLetterChoice, ZOn } from '../casework/schemas';

/** Acknowledges the case, recording the acknowledgement letter (from a template, as previewed) as sent. */
export const acknowledge = caseProcedure('acknowledge')
  .input(ZCaseId.extend({ on: ZOn, letter: ZLetterChoice.optional() }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'acknowledge', { forUpdate: true });
    await runCommand(ctx, record, { type: 'acknowledge', ...(input.on ? { on: input.on } : {}) }, { detail: 'staff.triage.acknowledge' });
    if (input.letter) await recordLetter(ctx, (await caseworkRepository(ctx.tx).findById(record.id))!, input.letter);
    return { ok: true as const };
  });
