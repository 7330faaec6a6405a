import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { importCases, importRunRepository, type HeardDatabase, type ImportProgress } from '@heard/db';
import type { ImportProblem } from '@heard/domain';
import type { UploadedFile } from './report.types';

/**
 * Imports started from the back-office run in the background of the server
 * that received the upload; their progress is kept here (the import holds
 * its own transaction, so it cannot be read from the database until it
 * ends) and their result in `import_runs`.
 */
export type ImportJob = {
  councilId: string;
  fileName: string;
  totalBytes: number;
  dryRun: boolean;
  progress: ImportProgress | null;
  finished: boolean;
};

const jobs = new Map<string, ImportJob>();
const MAX_JOBS = 100;

export function findImportJob(id: string, councilId: string): ImportJob | undefined {
  const job = jobs.get(id);
  return job && job.councilId === councilId ? job : undefined;
}

export function startImportJob(
  database: HeardDatabase,
  id: string,
  input: { councilId: string; file: UploadedFile; fileName: string; dryRun: boolean; userId: string; today: string },
): ImportJob {
  if (jobs.size >= MAX_JOBS) {
    for (const [key, job] of jobs) if (job.finished) jobs.delete(key);
  }
  const job: ImportJob = { councilId: input.councilId, fileName: input.fileName, totalBytes: input.file.size, dryRun: input.dryRun, progress: null, finished: false };
  jobs.set(id, job);
  void (async () => {
    let failed = true;
    let rows = 0;
    let created = 0;
    let unchanged = 0;
    let errors: ImportProblem[] = [];
    try {
      // Waits for the request's own transaction on the embedded database (one session at a time).
      await database.withCouncil(input.councilId, (tx) =>
        importRunRepository(tx).insert({ id, councilId: input.councilId, fileName: input.fileName, dryRun: input.dryRun, startedBy: input.userId }),
      );
      const result = await importCases(database, {
        councilId: input.councilId,
        source: Readable.fromWeb(input.file.stream() as NodeReadableStream<Uint8Array>),
        dryRun: input.dryRun,
        today: input.today,
        importRunId: input.dryRun ? null : id,
        actorUserId: input.userId,
        onProgress: (progress) => {
          job.progress = progress;
        },
      });
      rows = result.rows;
      created = result.created;
      unchanged = result.unchanged;
      errors = result.errors;
      if (result.moreErrors > 0) errors.push({ line: errors.at(-1)?.line ?? 1, column: null, key: 'import.tooManyErrors', params: { count: result.moreErrors } });
      failed = result.errors.length > 0;
    } catch (error) {
      console.error(`import ${id} failed:`, error);
      errors = [{ line: 1, column: null, key: 'reports.import.failed', params: {} }];
    } finally {
      try {
        await database.withCouncil(input.councilId, (tx) => importRunRepository(tx).finish(id, { failed, rows, created, unchanged, errors }));
      } catch (error) {
        console.error(`import ${id}: could not record the result:`, error);
      }
      job.finished = true;
      await input.file.remove?.().catch(() => undefined);
    }
  })();
  return job;
}
