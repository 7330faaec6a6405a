import { attachmentRepository } from '@heard/db';
import { JOURNEY_IDS } from '@heard/domain';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { publicProcedure } from '../../../trpc';
import { storeFile, ZUploadedFile } from '../lib/attachments';
import { findDraft, ZDraftToken } from '../lib/drafts';
import { MAX_FILES } from '../lib/file-type';
import { takeToken } from '../lib/rate-limit';

/**
 * Adds a file to a journey not yet sent: at most 10 MB, a PDF, Word or
 * OpenDocument file, a photo (JPEG, PNG, HEIC) or plain text, checked by its
 * content; up to 10 files. Kept in the database, never in a web root.
 */
export const uploadAttachment = publicProcedure
  .input(ZUploadedFile.extend({ journey: z.enum(JOURNEY_IDS), token: ZDraftToken }))
  .mutation(async ({ ctx, input }) => {
    takeToken(ctx.database, 'upload', ctx.request.ip ?? 'unknown', ctx.now());
    const draft = await findDraft(ctx, input.token, input.journey);
    if (!draft) throw new AppError('NOT_FOUND', 'portal.errors.draftExpired');
    if (draft.caseId) throw new AppError('CONFLICT', 'portal.errors.alreadySent');
    const existing = await attachmentRepository(ctx.tx).listForDraft(draft.id);
    if (existing.length >= MAX_FILES) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { file: 'portal.errors.file.tooMany' }, params: { max: MAX_FILES } });
    const stored = await storeFile(ctx, input, { caseId: null, draftId: draft.id, source: 'submission' });
    return { id: stored.id, fileName: stored.fileName, sizeBytes: stored.sizeBytes };
  });
