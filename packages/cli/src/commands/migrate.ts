import { parseArgs } from 'node:util';
import type { Command } from '../command';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations',
  usage: `Usage: heard migrate

Applies every pending migration to the database chosen by DATABASE_URL, or to
the embedded PGlite database in HEARD_DATA_DIR when it is unset. Running it
again applies nothing.`,
  async run(argv, io) {
    parseArgs({ args: argv, options: {}, strict: true });
    const { migrateToLatest, openDatabaseFromEnv } = await import('@heard/db');
    const database = await openDatabaseFromEnv();
    try {
      const { applied } = await migrateToLatest(database);
      io.stdout(applied.length === 0 ? `nothing to apply: ${database.location} is up to date` : `applied ${applied.join(', ')} to ${database.location}`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
