import type { HeardDatabase } from '@heard/db';
import { UsageError } from '../command';

/**
 * The council a command works on: `--council SLUG`, else the only council
 * (or, with several and no slug, the first created).
 */
export async function selectCouncil(database: HeardDatabase, slug: string | undefined): Promise<{ id: string; slug: string; name: string }> {
  const councils = await database.db.selectFrom('councils').select(['id', 'slug', 'name']).orderBy('created_at').orderBy('slug').execute();
  if (councils.length === 0) throw new UsageError(`there is no council in ${database.location}: run \`heard demo\` first, or create one`);
  if (slug === undefined) return councils[0]!;
  const council = councils.find((c) => c.slug === slug);
  if (!council) throw new UsageError(`--council: no council "${slug}"; councils here: ${councils.map((c) => c.slug).join(', ')}`);
  return council;
}
