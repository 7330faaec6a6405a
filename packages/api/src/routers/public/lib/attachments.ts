import { createHash } from 'node:crypto';
import { attachmentRepository } from '@heard/db';
import { z } from 'zod';
import { AppError } from '../../../errors';
import type { PublicContext } from './context';
import { detectFileType, MAX_FILE_BYTES, safeFileName } from './file-type';

/** An uploaded file as the apps hand it over: its name as given and its bytes. */
export const ZUploadedFile = z.object({
  fileName: z.string().max(1000),
  content: z.instanceof(Uint8Array, { error: 'portal.errors.file.missing' }),
});
export type TUploadedFile = z.infer<typeof ZUploadedFile>;

/** Checks a file (size, and type by content) or refuses it with a message for the `file` field. */
export function checkFile(file: TUploadedFile): { fileName: string; contentType: string; sha256: string } {
  if (file.content.byteLength === 0) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { file: 'portal.errors.file.empty' } });
  if (file.content.byteLength > MAX_FILE_BYTES) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { file: 'portal.errors.file.tooBig' } });
  const type = detectFileType(file.content);
  if (!type) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { file: 'portal.errors.file.type' } });
  return { fileName: safeFileName(file.fileName), contentType: type.contentType, sha256: createHash('sha256').update(file.content).digest('hex') };
}

export async function storeFile(ctx: PublicContext, file: TUploadedFile, owner: { caseId: string | null; draftId: string | null; source: 'submission' | 'tracking' }) {
  const checked = checkFile(file);
  return attachmentRepository(ctx.tx).insert({ councilId: ctx.council.id, ...owner, ...checked, content: file.content });
}
