import { randomUUID } from 'node:crypto';
import { toUkDate } from '@heard/domain';
import { recordAudit, staffProcedureWith } from '../../../trpc';
import { startImportJob } from './import-jobs';
import { ZImportStartInput } from './report.types';

/**
 * Starts importing an uploaded CSV file of historical cases (administrators):
 * it runs in the background, all or nothing; `importStatus` follows it.
 */
export const importStart = staffProcedureWith('import:case:any')
  .input(ZImportStartInput)
  .mutation(async ({ ctx, input }) => {
    const id = randomUUID();
    startImportJob(ctx.database, id, { councilId: ctx.council.id, file: input.file, fileName: input.fileName ?? input.file.name, dryRun: input.dryRun, userId: ctx.session.userId, today: toUkDate(ctx.now()) });
    await recordAudit(ctx, { action: 'change', detail: `staff.report.importStart ${input.dryRun ? 'dry-run' : 'import'} bytes=${input.file.size}` });
    return { id };
  });
