import { attachmentRepository } from '@heard/db';
import { JOURNEY_IDS, ZId } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { publicProcedure } from '../../../trpc';
import { findDraft, ZDraftToken } from '../lib/drafts';

/** Removes a file from a journey not yet sent. */
export const removeAttachment = publicProcedure
  .input(z.object({ journey: z.enum(JOURNEY_IDS), token: ZDraftToken, id: ZId }))
  .mutation(async ({ ctx, input }) => {
    const draft = await findDraft(ctx, input.token, input.journey);
    if (!draft) throw new AppError('NOT_FOUND', 'portal.errors.draftExpired');
    const removed = await attachmentRepository(ctx.tx).deleteFromDraft(input.id, draft.id);
    if (!removed) throw new AppError('NOT_FOUND', 'errors.notFound');
    return { removed: true };
  });
