import { recordAudit } from '../../../trpc';
import { loadCase } from '../casework/context';
import { recordLetter } from '../casework/letter-service';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId, ZLetterChoice } from '../casework/schemas';

/** Records a letter from a template as sent today (on the timeline, with its text as sent). */
export const sendLetter = caseProcedure('respond')
  .input(ZCaseId.merge(ZLetterChoice))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'respond');
    const letterId = await recordLetter(ctx, record, input);
    await recordAudit(ctx, { action: 'change', caseId: record.id, detail: 'staff.case.sendLetter' });
    return { letterId };
  });
