import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './20261124T000000-foundation';
import * as sessions from './20261124T010000-sessions';
import * as casework from './20261124T020000-casework';
import * as intake from './20261124T030000-intake';
import * as staffCasework from './20261124T040000-staff-casework';
import * as reports from './20261124T050000-reports';
import * as jobs from './20261124T060000-jobs';
import * as outboxHanded from './20261124T060100-outbox-handed';
import * as trackerTypeOrder from './20261124T090000-tracker-type-order';
import * as remedyOrder from './20261124T100000-remedy-order';

/**
 * Every migration, in order. Listed statically (not read from the file system)
 * so that bundled builds carry them; forward-only: a released migration is
 * never edited, a new one is added.
 */
export const migrations: Record<string, Migration> = {
  '20261124T000000-foundation': foundation,
  '20261124T010000-sessions': sessions,
  '20261124T020000-casework': casework,
  '20261124T030000-intake': intake,
  '20261124T040000-staff-casework': staffCasework,
  '20261124T050000-reports': reports,
  '20261124T060000-jobs': jobs,
  '20261124T060100-outbox-handed': outboxHanded,
  '20261124T090000-tracker-type-order': trackerTypeOrder,
  '20261124T100000-remedy-order': remedyOrder,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
