import { JOURNEY_IDS, LANGUAGES, ZSendDraftLinkInput } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { publicProcedure } from '../../../trpc';
import { findDraft, ZDraftToken } from '../lib/drafts';
import { queueMessage } from '../lib/notifications';
import { takeToken } from '../lib/rate-limit';
import { portalOrigin } from '../lib/secrets';

/** "Save and come back later": emails the link that reopens the draft (it expires with the draft). */
export const sendDraftLink = publicProcedure
  .input(ZSendDraftLinkInput.extend({ journey: z.enum(JOURNEY_IDS), token: ZDraftToken, language: z.enum(LANGUAGES) }))
  .mutation(async ({ ctx, input }) => {
    takeToken(ctx.database, 'email', ctx.request.ip ?? 'unknown', ctx.now());
    const draft = await findDraft(ctx, input.token, input.journey);
    if (!draft) throw new AppError('NOT_FOUND', 'portal.errors.draftExpired');
    await queueMessage(ctx.tx, {
      councilId: ctx.council.id,
      caseId: null,
      channel: 'email',
      recipient: input.email,
      template: 'draft_link',
      language: input.language,
      payload: { url: `${portalOrigin(ctx.council, ctx.request.host)}/resume/${input.token}`, expiresAt: draft.expiresAt.toISOString() },
      idempotencyKey: `draft_link:${draft.id}:${ctx.now().getTime()}`,
    });
    return { sent: true, expiresAt: draft.expiresAt };
  });
