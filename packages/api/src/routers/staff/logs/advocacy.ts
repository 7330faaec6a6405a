import { caseworkLogsRepository, caseworkRepository } from '@heard/db';
import { ADVOCACY_REFERRAL_SOURCES, normaliseReference, ZId, ZIsoDate, zChoice, zOptionalText, zText } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { recordAudit, router, staffProcedureWith } from '../../../trpc';
import { todayOf } from '../casework/context';

const ZReferral = z.object({
  referralId: ZId.optional(),
  caseReference: zOptionalText({ max: 40 }),
  referredOn: ZIsoDate,
  source: zChoice(ADVOCACY_REFERRAL_SOURCES),
  organisation: zText({ max: 200 }),
  advocateName: zOptionalText({ max: 200 }),
  youngPersonName: zText({ max: 200, required: 'errors.name.required' }),
  accepted: z.boolean().nullable().default(null),
  consentRecordedOn: ZIsoDate.optional(),
  outcome: zOptionalText({ max: 2000 }),
});

/**
 * The advocacy referrals log (rules.md "Advocacy"): source, advocate
 * organisation, young person, outcome. A referral linked to a case is also
 * written to that case's history, and an accepted one marks the complaint as
 * made with an advocate's support.
 */
export const advocacyRouter = router({
  list: staffProcedureWith('read:advocacy:any').query(async ({ ctx }) => {
    const referrals = await caseworkLogsRepository(ctx.tx).listAdvocacy();
    await recordAudit(ctx, { action: 'read', detail: 'staff.advocacy.list' });
    return referrals;
  }),
  save: staffProcedureWith('manage:advocacy:any')
    .input(ZReferral)
    .mutation(async ({ ctx, input }) => {
      const today = todayOf(ctx);
      if (input.referredOn > today) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { referredOn: 'errors.date.inFuture' } });
      if (input.consentRecordedOn && input.consentRecordedOn > today) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { consentRecordedOn: 'errors.date.inFuture' } });
      let caseId: string | null = null;
      if (input.caseReference) {
        const normalised = normaliseReference(input.caseReference, { prefix: ctx.council.referencePrefix });
        caseId = (await caseworkRepository(ctx.tx).findIdByReference(normalised.ok ? normalised.reference : input.caseReference.toUpperCase())) ?? null;
        if (!caseId) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { caseReference: 'casework.errors.caseNotFound' } });
      }
      const id = await caseworkLogsRepository(ctx.tx).saveAdvocacy(
        ctx.council.id,
        {
          id: input.referralId,
          caseId,
          referredOn: input.referredOn,
          source: input.source,
          organisation: input.organisation,
          advocateName: input.advocateName ?? null,
          youngPersonName: input.youngPersonName,
          offered: true,
          accepted: input.accepted,
          consentRecordedOn: input.consentRecordedOn ?? null,
          outcome: input.outcome ?? null,
        },
        ctx.now(),
      );
      if (!id) throw new AppError('NOT_FOUND', 'errors.notFound');
      if (caseId) {
        // An accepted referral means the complaint was made with an advocate's
        // support: the annual report's advocacy table counts it (rules.md "Advocacy").
        if (input.accepted === true) await caseworkRepository(ctx.tx).markAdvocateSupported(caseId);
        // The case's history shows the young person was supported to complain (the young person's name stays in the log).
        await caseworkRepository(ctx.tx).appendEvents(
          caseId,
          ctx.council.id,
          [
            {
              type: input.referralId ? 'advocacy_referral_updated' : 'advocacy_referral_added',
              payload: { referralId: id, referredOn: input.referredOn, source: input.source, subject: input.organisation, accepted: input.accepted },
            },
          ],
          { actorUserId: ctx.session.userId, actorLabel: 'staff' },
        );
      }
      await recordAudit(ctx, { action: 'change', caseId, detail: 'staff.advocacy.save' });
      return { referralId: id };
    }),
});
