import { caseworkLogsRepository, caseworkRepository } from '@heard/db';
import { zText } from '@heard/domain';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';
import { actorOf, loadCase, todayOf } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZCaseId } from '../casework/schemas';

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const PHONE = /(?:\+44\s?|0)\d[\d\s]{8,12}\d/;

/** Publishes the answer to the portal's disclosure log, with the requester's personal data removed. */
export const publish = caseProcedure('foi')
  .input(ZCaseId.extend({ title: zText({ max: 200 }), summary: zText({ max: 10000 }) }))
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'foi', { forUpdate: true });
    if (record.type !== 'foi_request') throw new AppError('REFUSED', 'refusal.onlyFoiRequest');
    if (!record.respondedOn || !record.outcome) throw new AppError('REFUSED', 'casework.errors.publishBeforeResponse');
    // Personal data stays out of the public log: the requester's name, email or phone is refused.
    const people = await caseworkRepository(ctx.tx).listPeople(record.id);
    const text = `${input.title}\n${input.summary}`;
    const names = people.flatMap((p) => (p.name && p.name.trim().length > 2 ? [p.name.trim().toLowerCase()] : []));
    if (EMAIL.test(text) || PHONE.test(text) || names.some((name) => text.toLowerCase().includes(name))) {
      throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { summary: 'casework.errors.personalData' } });
    }
    const id = await caseworkLogsRepository(ctx.tx).publishDisclosure(ctx.council.id, {
      caseId: record.id,
      reference: record.reference,
      title: input.title,
      summary: input.summary,
      outcome: record.outcome,
      publishedOn: todayOf(ctx),
    });
    await caseworkRepository(ctx.tx).appendEvents(record.id, record.councilId, [{ type: 'disclosure_published', payload: { entryId: id } }], actorOf(ctx));
    await recordAudit(ctx, { action: 'change', caseId: record.id, detail: 'staff.foi.publish' });
    return { entryId: id };
  });
