import { caseworkRepository } from '@heard/db';
import { loadCase, runCommand } from '../casework/context';
import { recordLetter } from '../casework/letter-service';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZLetterChoice, ZOn } from '../casework/schemas';

type ClockCommand = 'request_clarification' | 'receive_clarification' | 'issue_fee_notice' | 'record_fee_paid';

/**
 * An FOI clock event, through the lifecycle: a clarification asked for
 * (the clock stops) and received (it starts again from that day); a fees
 * notice sent (paused) and paid (runs again). Optionally with its letter.
 */
export function foiClockProcedure(command: ClockCommand) {
  return caseProcedure('foi')
    .input(ZCaseId.extend({ on: ZOn, letter: ZLetterChoice.optional() }))
    .mutation(async ({ ctx, input }) => {
      const record = await loadCase(ctx, input.caseId, 'foi', { forUpdate: true });
      await runCommand(ctx, record, { type: command, ...(input.on ? { on: input.on } : {}) }, { detail: `staff.foi.${command}` });
      if (input.letter) await recordLetter(ctx, (await caseworkRepository(ctx.tx).findById(record.id))!, input.letter);
      return { ok: true as const };
    });
}
