import type { ImportProblem } from '@heard/domain';
import type { Tx } from '../client';

/** An upload from the back-office: what it is doing, and how it ended. */
export type ImportRun = {
  id: string;
  fileName: string;
  dryRun: boolean;
  status: 'running' | 'failed' | 'succeeded';
  rows: number;
  created: number;
  unchanged: number;
  errors: ImportProblem[];
  startedAt: Date;
  finishedAt: Date | null;
};

/** Import runs of the council selected for the transaction. */
export function importRunRepository(tx: Tx) {
  return {
    async insert(values: { id?: string; councilId: string; fileName: string; dryRun: boolean; startedBy: string | null }): Promise<string> {
      const row = await tx
        .insertInto('import_runs')
        .values({ ...(values.id ? { id: values.id } : {}), council_id: values.councilId, file_name: values.fileName, dry_run: values.dryRun, started_by: values.startedBy, finished_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async finish(id: string, result: { failed: boolean; rows: number; created: number; unchanged: number; errors: ImportProblem[] }): Promise<void> {
      await tx
        .updateTable('import_runs')
        .set({
          status: result.failed ? 'failed' : 'succeeded',
          rows: result.rows,
          created_cases: result.created,
          unchanged_cases: result.unchanged,
          errors: JSON.stringify(result.errors),
          finished_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
    },
    async find(id: string): Promise<ImportRun | undefined> {
      const row = await tx.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.id,
        fileName: row.file_name,
        dryRun: row.dry_run,
        status: row.status,
        rows: row.rows,
        created: row.created_cases,
        unchanged: row.unchanged_cases,
        errors: row.errors,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
      };
    },
  };
}
