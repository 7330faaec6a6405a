import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'load the demo council (idempotent)',
  usage: `Usage: heard demo [--code EMAIL]

Loads "Demo Borough Council" with its divisions, services, themes, localities,
one staff account per role and a few hundred synthetic cases (HEARD_DEMO_CASES
sets how many, 0 for none); does nothing if it is already there.

  --code EMAIL   print the current sign-in code of a demo account
                 (the demo accounts share a published TOTP secret)`,
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { code: { type: 'string' } }, strict: true });
    const { DEMO_PASSWORD, DEMO_STAFF, DEMO_TOTP_SECRET, demoCasesFromEnv, loadDemo } = await import('@heard/db/demo');
    if (values.code !== undefined && !DEMO_STAFF.some((person) => person.email === values.code)) {
      throw new UsageError(`${values.code} is not a demo account; see \`heard demo --help\``);
    }
    const { currentTotpCode, hashPassword } = await import('@heard/api/server');
    if (values.code !== undefined) {
      io.stdout(await currentTotpCode(DEMO_TOTP_SECRET, new Date()));
      return 0;
    }
    const { migrateToLatest, openDatabaseFromEnv } = await import('@heard/db');
    const database = await openDatabaseFromEnv();
    try {
      await migrateToLatest(database);
      const result = await loadDemo(database, { hashPassword, cases: demoCasesFromEnv() });
      io.stdout(result.created ? `loaded "${result.councilName}" with ${result.cases} synthetic cases` : `"${result.councilName}" is already loaded`);
      io.stdout(`staff accounts (password "${DEMO_PASSWORD}"): ${DEMO_STAFF.map((person) => `${person.email} (${person.role})`).join(', ')}`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
