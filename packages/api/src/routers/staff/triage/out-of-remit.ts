import { caseworkRepository } from '@heard/db';
import { ZMarkOutOfRemitInput } from '@heard/domain';
import { loadCase, runCommand } from '../casework/context';
import { recordLetter } from '../casework/letter-service';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZLetterChoice } from '../casework/schemas';

/**
 * Eligibility decided against: out of remit, with the reason recorded and
 * where the person was signposted, and the signposting letter sent.
 */
export const outOfRemit = caseProcedure('triage')
  .input(ZCaseId.extend(ZMarkOutOfRemitInput.omit({ type: true }).shape).extend({ letter: ZLetterChoice.optional() }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'triage', { forUpdate: true });
    const { caseId, letter, ...command } = input;
    await runCommand(ctx, record, { type: 'mark_out_of_remit', ...command }, { detail: 'staff.triage.outOfRemit' });
    if (letter) await recordLetter(ctx, (await caseworkRepository(ctx.tx).findById(caseId))!, letter);
    return { ok: true as const };
  });
