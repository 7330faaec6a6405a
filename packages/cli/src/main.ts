#!/usr/bin/env node
/**
 * `pnpm heard <command>` (contracts.md "Command line"): every error is one
 * line on stderr and a non-zero exit, never a stack trace. Commands import
 * their heavy modules (the database, the API, the servers) when they run, so
 * `heard --help` and option errors answer in about half a second.
 */
import { DatabaseConfigError, describeError } from '@heard/db/errors';
import { UsageError, type Command, type CommandIO } from './command';
import { demoCommand } from './commands/demo';
import { generateCommand } from './commands/generate';
import { importCommand } from './commands/import';
import { dueCommand } from './commands/due';
import { migrateCommand } from './commands/migrate';
import { reportCommand } from './commands/report';
import { retentionCommand } from './commands/retention';
import { startCommand } from './commands/start';
import { workerCommand } from './commands/worker';
import { ServerConfigError } from './env';

const commands: Command[] = [migrateCommand, demoCommand, importCommand, reportCommand, dueCommand, startCommand, workerCommand, retentionCommand, generateCommand];

const io: CommandIO = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
};

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: heard <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `heard <command> --help` for a command\'s options.',
    'Database: DATABASE_URL=postgres://... for PostgreSQL; unset for the embedded PGlite in HEARD_DATA_DIR (default .data/pglite).',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`heard: unknown command "${name}"; run \`heard --help\` for the list`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`heard ${name}: ${(error as Error).message}`);
      return 2;
    }
    if (error instanceof DatabaseConfigError || error instanceof ServerConfigError) {
      io.stderr(`heard ${name}: ${error.message}`);
      return 1;
    }
    io.stderr(`heard ${name}: ${describeError(error)}`);
    if (process.env.HEARD_DEBUG) console.error(error);
    return 1;
  }
}

const exitCode = await runCli(process.argv.slice(2));
process.exitCode = exitCode;
// A command has done all its work when it resolves (`start` and `worker` once
// stopped and closed), so nothing left open may keep the process alive: a pool,
// PGlite, or a cluster worker's channel to its primary (which kept every
// process of `heard start --workers 2` running after SIGTERM).
setImmediate(() => process.exit(exitCode));
