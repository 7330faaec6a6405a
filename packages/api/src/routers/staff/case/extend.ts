import { ZExtendDeadlineInput } from '@heard/domain';
import { caseworkRepository } from '@heard/db';
import { loadCase, runCommand } from '../casework/context';
import { recordLetter } from '../casework/letter-service';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZLetterChoice } from '../casework/schemas';

/** Extends the response deadline (reason, date agreed with the complainant): the domain computes the new due date. */
export const extend = caseProcedure('respond')
  .input(ZCaseId.extend(ZExtendDeadlineInput.omit({ type: true }).shape).extend({ letter: ZLetterChoice.optional() }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'respond', { forUpdate: true });
    const { caseId, letter, ...command } = input;
    await runCommand(ctx, record, { type: 'extend', ...command }, { detail: 'staff.case.extend' });
    if (letter) await recordLetter(ctx, (await caseworkRepository(ctx.tx).findById(caseId))!, letter);
    return { ok: true as const };
  });
