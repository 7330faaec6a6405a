import { caseworkRepository } from '@heard/db';
import { zChoice, zOptionalText, zText } from '@heard/domain';
import { recordAudit } from '../../../trpc';
import { actorOf, loadCase } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId } from '../casework/schemas';

/**
 * Adds to the timeline: a note, an email sent or received, a phone call, or
 * a document received (by name; the file itself comes through the portal).
 */
export const addNote = caseProcedure('note')
  .input(
    ZCaseId.extend({
      kind: zChoice(['note', 'email_in', 'email_out', 'call', 'document']),
      subject: zOptionalText({ max: 200 }),
      text: zText({ max: 10000 }),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'note');
    await caseworkRepository(ctx.tx).appendEvents(record.id, record.councilId, [{ type: input.kind, payload: { subject: input.subject ?? null, text: input.text } }], actorOf(ctx));
    await recordAudit(ctx, { action: 'change', caseId: record.id, detail: `staff.case.addNote:${input.kind}` });
    return { ok: true as const };
  });

