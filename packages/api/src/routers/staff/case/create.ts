import { caseworkRepository } from '@heard/db';
import { createCaseState, firstStageOf, isComplaint } from '@heard/domain';
import { AppError } from '../../../errors';
import { recordAudit, staffProcedureWith } from '../../../trpc';
import { actorOf, deadlineColumns, rulesFor, todayOf } from '../casework/context';
import { ZStaffCreateCaseInput } from '../casework/schemas';

/**
 * A case that came by phone, letter, email, in person or through a
 * councillor, entered by the complaints team. It joins the triage queue like
 * a portal submission; its deadlines are the domain's from the date received.
 */
export const create = staffProcedureWith('create:case:any')
  .input(ZStaffCreateCaseInput)
  .mutation(async ({ ctx, input }) => {
    if (input.receivedOn > todayOf(ctx)) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { receivedOn: 'errors.date.inFuture' } });
    const needsFramework = !isComplaint(input.type) && input.type !== 'foi_request' && input.type !== 'general_enquiry';
    if (needsFramework && !input.framework) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { framework: 'casework.errors.frameworkRequired' } });
    if (input.contactPreference === 'email' && !input.email) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { email: 'errors.contact.emailForPreference' } });
    if ((input.contactPreference === 'phone' || input.contactPreference === 'text') && !input.phone) {
      throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { phone: 'errors.contact.phoneForPreference' } });
    }
    if (input.contactPreference === 'post' && !input.address) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { address: 'errors.contact.addressForPreference' } });
    const state = createCaseState({ type: input.type, receivedOn: input.receivedOn, ...(input.framework ? { framework: input.framework } : {}) });
    const rules = await rulesFor(ctx, state.policyDate);
    const repo = caseworkRepository(ctx.tx);
    const created = await repo.insertCase(ctx.council.id, {
      type: input.type,
      framework: state.framework,
      stage: firstStageOf(input.type),
      receivedOn: input.receivedOn,
      channel: input.channel,
      language: input.language,
      summary: input.summary,
      details: input.details,
      referencePrefix: ctx.council.referencePrefix,
      state,
      deadlines: deadlineColumns(state, rules),
    });
    await repo.savePerson(created.id, ctx.council.id, {
      role: input.type === 'foi_request' ? 'requester' : input.type === 'member_enquiry' ? 'member' : 'complainant',
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      dateOfBirth: null,
      relationship: null,
      contactPreference: input.contactPreference ?? null,
      language: input.language,
      adjustments: null,
      consentRecordedAt: null,
    });
    await repo.appendEvents(created.id, ctx.council.id, [{ type: 'received', payload: { on: input.receivedOn, channel: input.channel, enteredBy: 'staff' } }], actorOf(ctx));
    await recordAudit(ctx, { action: 'change', caseId: created.id, detail: 'staff.case.create' });
    return { caseId: created.id, reference: created.reference };
  });
