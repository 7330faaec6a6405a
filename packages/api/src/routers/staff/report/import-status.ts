import { importRunRepository } from '@heard/db';
import { formatImportProblem } from '@heard/domain';
import { AppError } from '../../../errors';
import { staffProcedureWith } from '../../../trpc';
import { findImportJob } from './import-jobs';
import { ZImportStatusInput } from './report.types';

/** How an import is going: its progress while it runs, then its result, every problem in the person's language. */
export const importStatus = staffProcedureWith('import:case:any')
  .input(ZImportStatusInput)
  .query(async ({ ctx, input }) => {
    const job = findImportJob(input.id, ctx.council.id);
    const run = await importRunRepository(ctx.tx).find(input.id);
    if (!run && !job) throw new AppError('NOT_FOUND', 'reports.import.notFound');
    const language = ctx.request.language;
    const finished = run?.finishedAt != null;
    return {
      id: input.id,
      fileName: run?.fileName ?? job!.fileName,
      dryRun: run?.dryRun ?? job!.dryRun,
      status: finished ? run!.status : 'running',
      phase: finished ? 'done' : (job?.progress?.phase ?? 'reading'),
      rows: finished ? run!.rows : (job?.progress?.rows ?? 0),
      bytes: job?.progress?.bytes ?? 0,
      totalBytes: job?.totalBytes ?? 0,
      created: run?.created ?? 0,
      unchanged: run?.unchanged ?? 0,
      errors: finished ? run!.errors.map((problem) => ({ line: problem.line, column: problem.column, text: problem.key.startsWith('reports.') ? problem.key : formatImportProblem(language, problem) })) : [],
    };
  });
