import { draftRepository } from '@heard/db';
import { cleanFormValues, JOURNEY_IDS, journeyProgress, LANGUAGES, stepAfter } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { publicProcedure } from '../../../trpc';
import { DRAFT_DAYS, fieldErrorsOf, findDraft, journeyBase, requireAdvocateFor, requireStep, stepContext, ZDraftToken } from '../lib/drafts';
import { takeToken } from '../lib/rate-limit';
import { hashSecret, newSecret } from '../lib/secrets';

/**
 * Saves one page of a journey: checked with the step's own schema (the same
 * the page uses in the browser), then kept with the draft, which starts on
 * the first page saved. Returns the draft's token (new when one was made),
 * the next page and the first page still unanswered. Bad answers are
 * refused with a message per field and nothing is saved.
 */
export const saveDraft = publicProcedure
  .input(
    z.object({
      journey: z.enum(JOURNEY_IDS),
      token: ZDraftToken.nullable(),
      step: z.string().min(1).max(40),
      values: z.record(z.string(), z.unknown()),
      language: z.enum(LANGUAGES),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    takeToken(ctx.database, 'draft', ctx.request.ip ?? 'unknown', ctx.now());
    const advocate = await requireAdvocateFor(ctx, input.journey);
    const step = requireStep(input.journey, input.step);
    const context = await stepContext(ctx);
    const values = (cleanFormValues(input.values) ?? {}) as Record<string, unknown>;
    if (step.schema) {
      const parsed = step.schema(context).safeParse(values);
      if (!parsed.success) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: fieldErrorsOf(parsed.error) });
    }
    const drafts = draftRepository(ctx.tx);
    const now = ctx.now();
    const expiresAt = new Date(now.getTime() + DRAFT_DAYS * 24 * 3600_000);
    let token = input.token;
    let draft = token ? await findDraft(ctx, token, input.journey) : undefined;
    if (!draft) {
      token = newSecret();
      draft = await drafts.create({
        councilId: ctx.council.id,
        journey: input.journey,
        tokenHash: hashSecret(token),
        idempotencyKey: newSecret(),
        language: input.language,
        advocateUserId: advocate?.userId ?? null,
        expiresAt,
        now,
      });
    }
    if (draft.caseId) throw new AppError('CONFLICT', 'portal.errors.alreadySent');
    const answers = { ...draft.answers, [input.step]: values };
    await drafts.saveAnswers(draft.id, answers, { language: input.language, expiresAt, now });
    const base = journeyBase(advocate);
    return {
      token: token as string,
      next: stepAfter(input.journey, input.step, answers, context, base),
      /** The first page still to answer (null: all answered), for returning from "check your answers". */
      pending: journeyProgress(input.journey, answers, context, base).next,
    };
  });
