import { Migrator, type MigrationResultSet } from 'kysely';
import type { HeardDatabase } from './client';
import { migrationProvider } from './migrations/index';

export type MigrationOutcome = { applied: string[] };

/** Applies pending migrations (forward only); running it again applies nothing. */
export async function migrateToLatest(database: HeardDatabase): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db: database.db, provider: migrationProvider });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
