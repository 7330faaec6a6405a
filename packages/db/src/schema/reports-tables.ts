import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of the tables added for reports and the historical import (see
 * `migrations/20261124T050000-reports.ts`). Each is added to `Database`
 * through `ReportsTables`.
 */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** One problem of an import: `line N: column C: reason` (the reason as a message key and its parameters). */
export type StoredImportProblem = { line: number; column: string | null; key: string; params: Record<string, string | number> };

export interface ImportRunsTable {
  id: Generated<string>;
  council_id: string;
  file_name: string;
  dry_run: Generated<boolean>;
  status: Generated<'running' | 'failed' | 'succeeded'>;
  rows: Generated<number>;
  created_cases: Generated<number>;
  unchanged_cases: Generated<number>;
  errors: ColumnType<StoredImportProblem[], string | undefined, string>;
  started_by: string | null;
  started_at: CreatedAt;
  finished_at: Date | null;
}

export interface CaseImportsTable {
  council_id: string;
  case_id: string;
  /** A fingerprint of the imported row: the same row again changes nothing, a different one is refused. */
  row_hash: string;
  import_run_id: string | null;
  imported_at: CreatedAt;
}

export interface ReportsTables {
  import_runs: ImportRunsTable;
  case_imports: CaseImportsTable;
}
