import { buildSubmission, JOURNEY_IDS } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { publicProcedure } from '../../../trpc';
import { fieldErrorsOf, findDraft, journeyBase, requireAdvocateFor, stepContext, ZDraftToken } from '../lib/drafts';
import { confirmationFor, submitCase } from '../lib/intake';

/**
 * Sends a journey from its "check your answers" page: its saved answers,
 * checked whole, become a case under the draft's idempotency key, so a
 * double click, a resubmitted POST or going back and sending again makes one
 * case and returns its confirmation each time.
 */
export const submitDraft = publicProcedure
  .input(z.object({ journey: z.enum(JOURNEY_IDS), token: ZDraftToken }))
  .mutation(async ({ ctx, input }) => {
    const advocate = await requireAdvocateFor(ctx, input.journey);
    const draft = await findDraft(ctx, input.token, input.journey);
    if (!draft) throw new AppError('NOT_FOUND', 'portal.errors.draftExpired');
    if (draft.caseId) return confirmationFor(ctx, draft.caseId);
    const submission = buildSubmission(input.journey, draft.answers, await stepContext(ctx), journeyBase(advocate));
    if (!submission.success) throw new AppError('BAD_INPUT', 'portal.errors.incomplete', { fieldErrors: fieldErrorsOf(submission.error) });
    return submitCase(ctx, submission.data, { idempotencyKey: draft.idempotencyKey, draftId: draft.id, advocate, procedure: 'public.draft.submit' });
  });
