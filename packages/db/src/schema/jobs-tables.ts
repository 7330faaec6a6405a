import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of the tables added for jobs (migration `20261124T060000-jobs`).
 * Each is added to `Database` through `JobsTables`; the delivery columns the
 * same migration adds to the intake area's `outbox_messages` are merged into
 * its row type below (declaration merging), so neither file edits the other.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'held' | 'failed';
export type OutboxProvider = 'smtp' | 'notify' | 'outbox';

/** The delivery columns of `outbox_messages`. */
export interface OutboxDeliveryColumns {
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  claimed_by: string | null;
  claimed_at: Date | null;
  last_error: string | null;
  provider: OutboxProvider | null;
  provider_reference: string | null;
  resends: Generated<number>;
  handed_at: Date | null;
  subject: string | null;
  body: string | null;
}

declare module './intake-tables' {
  interface OutboxMessagesTable extends OutboxDeliveryColumns {}
}

export interface JobRunsTable {
  council_id: string;
  job: 'reminders' | 'digest' | 'retention';
  run_on: string;
  finished_at: Timestamp;
  summary: ColumnType<Record<string, unknown>, string | Record<string, unknown>, string | Record<string, unknown>>;
}

export interface JobsTables {
  job_runs: JobRunsTable;
}
