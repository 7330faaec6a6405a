/**
 * A fingerprint of everything in the database: per table, its row count and
 * a hash of every row version's place and creating transaction (ctid, xmin).
 * A committed insert, update or delete changes it; a rolled-back one leaves
 * no visible trace and does not. Cheap whatever the rows hold (files
 * included). Read as the superuser the test databases connect as, which
 * row-level security does not narrow.
 */
import { sql } from 'kysely';
import type { HeardDatabase } from '@heard/db';

export type Fingerprint = Map<string, { rows: number; hash: string }>;

const tablesByDatabase = new WeakMap<HeardDatabase, string[]>();

async function tablesOf(database: HeardDatabase): Promise<string[]> {
  const known = tablesByDatabase.get(database);
  if (known) return known;
  const rows = (
    await sql<{ name: string }>`
      select quote_ident(table_schema) || '.' || quote_ident(table_name) as name
      from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1`.execute(database.db)
  ).rows;
  const tables = rows.map((r) => r.name);
  tablesByDatabase.set(database, tables);
  return tables;
}

export async function fingerprint(database: HeardDatabase): Promise<Fingerprint> {
  const tables = await tablesOf(database);
  const parts = tables.map(
    (table) =>
      `select ${quoteLiteral(table)} as t, count(*)::int as n, coalesce(md5(string_agg(x.ctid::text || x.xmin::text, ',' order by x.ctid)), '') as h from ${table} x`,
  );
  const rows = (await sql<{ t: string; n: number; h: string }>`${sql.raw(parts.join(' union all '))}`.execute(database.db)).rows;
  return new Map(rows.map((r) => [r.t, { rows: Number(r.n), hash: r.h }]));
}

/** The tables whose content differs, with their row counts before and after. */
export function changedTables(before: Fingerprint, after: Fingerprint, ignore: readonly string[] = []): string[] {
  const changed: string[] = [];
  for (const [table, value] of after) {
    const bare = table.replace(/^public\./, '').replace(/"/g, '');
    if (ignore.includes(bare)) continue;
    const old = before.get(table);
    if (!old || old.hash !== value.hash) changed.push(`${bare} (${old?.rows ?? 0} -> ${value.rows} rows)`);
  }
  return changed;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
