import { JOURNEY_IDS } from '@heard/domain';
import { z } from 'zod';
import { publicProcedure } from '../../../trpc';
import { findDraft, viewDraft, ZDraftToken } from '../lib/drafts';

/**
 * A saved journey: its answers, how far it has got, its uploads and, once
 * submitted, its confirmation. `null` when the token is unknown or expired
 * (the portal starts again), never an error that would reveal anything.
 */
export const getDraft = publicProcedure
  .input(z.object({ token: ZDraftToken, journey: z.enum(JOURNEY_IDS).optional() }))
  .query(async ({ ctx, input }) => {
    const draft = await findDraft(ctx, input.token, input.journey);
    return draft ? viewDraft(ctx, draft) : null;
  });
