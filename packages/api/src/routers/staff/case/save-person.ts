import { caseworkRepository } from '@heard/db';
import { AppError } from '../../../errors';
import { recordAudit } from '../../../trpc';
import { actorOf, loadCase } from '../casework/context';
import { caseProcedure } from '../casework/procedures';
import { ZPersonInput } from '../casework/schemas';

/** A person on the case (complainant, child, advocate, member) with their contact preferences, language and consent. */
export const savePerson = caseProcedure('people')
  .input(ZPersonInput)
  .mutation(async ({ ctx, input }) => {
    const record = await loadCase(ctx, input.caseId, 'people', { forUpdate: true });
    if (input.contactPreference === 'email' && !input.email) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { email: 'errors.contact.emailForPreference' } });
    if ((input.contactPreference === 'phone' || input.contactPreference === 'text') && !input.phone) {
      throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { phone: 'errors.contact.phoneForPreference' } });
    }
    if (input.contactPreference === 'post' && !input.address) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { address: 'errors.contact.addressForPreference' } });
    const repo = caseworkRepository(ctx.tx);
    const id = await repo.savePerson(record.id, record.councilId, {
      id: input.personId,
      role: input.role,
      name: input.name ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      dateOfBirth: input.dateOfBirth ?? null,
      relationship: input.relationship ?? null,
      contactPreference: input.contactPreference ?? null,
      language: input.language ?? null,
      adjustments: input.adjustments ?? null,
      consentRecordedAt: input.consentRecordedOn ? new Date(`${input.consentRecordedOn}T12:00:00Z`) : null,
    });
    if (!id) throw new AppError('NOT_FOUND', 'errors.notFound');
    await repo.appendEvents(record.id, record.councilId, [{ type: input.personId ? 'person_updated' : 'person_added', payload: { personId: id, role: input.role } }], actorOf(ctx));
    await recordAudit(ctx, { action: 'change', caseId: record.id, detail: 'staff.case.savePerson' });
    return { personId: id };
  });
