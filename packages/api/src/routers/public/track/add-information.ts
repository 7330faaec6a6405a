import { trackingRepository } from '@heard/db';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { publicProcedure, recordAudit } from '../../../trpc';
import { storeFile, ZUploadedFile } from '../lib/attachments';
import { caseForCaller } from '../lib/case-view';
import { MAX_FILES } from '../lib/file-type';
import { takeToken } from '../lib/rate-limit';
import { todayOf } from '../lib/rules';

/** Adds information, and documents, to an open case: an event on its history that staff see, listed back to the person. */
export const addInformation = publicProcedure
  .input(
    z.object({
      reference: z.string().max(40).optional(),
      message: z
        .string({ error: 'portal.track.errors.informationMissing' })
        .trim()
        .min(1, { error: 'portal.track.errors.informationMissing' })
        .max(5000, { error: 'errors.text.tooLong' }),
      files: z.array(ZUploadedFile).max(MAX_FILES, { error: 'errors.list.tooLong' }).default([]),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    takeToken(ctx.database, 'upload', ctx.request.ip ?? 'unknown', ctx.now());
    const caseId = await caseForCaller(ctx, input.reference);
    const tracking = trackingRepository(ctx.tx);
    const view = await tracking.getPersonCase(caseId);
    if (!['received', 'acknowledged', 'in_progress', 'on_hold'].includes(view.status)) throw new AppError('REFUSED', 'portal.track.errors.closed');
    const stored = [];
    for (const file of input.files) stored.push(await storeFile(ctx, file, { caseId, draftId: null, source: 'tracking' }));
    const on = todayOf(ctx);
    await tracking.appendEvent({
      councilId: ctx.council.id,
      caseId,
      type: 'information_added',
      payload: { on, message: input.message, files: stored.map((f) => f.fileName), attachmentIds: stored.map((f) => f.id) },
      actorUserId: ctx.session?.kind === 'advocate' ? ctx.session.userId : null,
      actorLabel: ctx.session?.kind ?? 'public',
    });
    await recordAudit(ctx, { action: 'change', caseId, detail: 'public.track.addInformation' });
    return { added: true, files: stored.map((f) => f.fileName) };
  });
