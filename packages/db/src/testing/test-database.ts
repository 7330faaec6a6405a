import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type HeardDatabase } from '../client';
import { migrateToLatest } from '../migrate';
import { migrations } from '../migrations/index';

export type TestDatabase = HeardDatabase & {
  /** Closes the handle and removes the database. */
  destroy: () => Promise<void>;
  /** The database's address, for a process of its own to use (PostgreSQL only; in-memory PGlite has none). */
  url: string | null;
};

/**
 * A fresh, migrated database of its own for one test file: on PostgreSQL when
 * TEST_DATABASE_URL is set (a new database on that server, dropped after), on
 * in-memory PGlite otherwise. Runs never see each other's data.
 */
export async function createTestDatabase(env: Record<string, string | undefined> = process.env): Promise<TestDatabase> {
  const serverUrl = env.TEST_DATABASE_URL;
  return serverUrl ? createPostgresTestDatabase(serverUrl) : createPGliteTestDatabase();
}

async function createPostgresTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `heard_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateToLatest(database);
  return {
    ...database,
    url: url.toString(),
    destroy: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/**
 * Starting PGlite runs initdb (seconds); loading a dump of an already
 * migrated database is much quicker, so the first test file makes the dump
 * and the rest reuse it. The dump's name carries the migration list, so a new
 * migration makes a new dump.
 */
async function createPGliteTestDatabase(): Promise<TestDatabase> {
  const fingerprint = createHash('sha256').update(Object.keys(migrations).join('\n')).digest('hex').slice(0, 16);
  const templatePath = path.join(os.tmpdir(), `heard-pglite-template-${fingerprint}.tar.gz`);
  if (!existsSync(templatePath)) {
    const fresh = await openDatabase({ dataDir: 'memory' });
    await migrateToLatest(fresh);
    if (!fresh.dumpDataDir) throw new Error('the embedded database cannot be dumped');
    const dump = await fresh.dumpDataDir();
    await fresh.close();
    const partial = `${templatePath}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, templatePath);
  }
  const blob = new Blob([readFileSync(templatePath)]);
  const database = await openDatabase({ dataDir: 'memory', loadDataDir: blob });
  await migrateToLatest(database);
  return { ...database, destroy: database.close, url: null };
}
