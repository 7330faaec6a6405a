import type { Tx } from '../client';

export type Council = {
  id: string;
  slug: string;
  name: string;
  nameCy: string | null;
  referencePrefix: string;
  calendar: string;
  hostnames: string[];
  retentionYears: number;
};

const councilColumns = [
  'id',
  'slug',
  'name',
  'name_cy',
  'reference_prefix',
  'calendar',
  'hostnames',
  'retention_years',
] as const;

type CouncilSelection = {
  id: string;
  slug: string;
  name: string;
  name_cy: string | null;
  reference_prefix: string;
  calendar: string;
  hostnames: string[];
  retention_years: number;
};

function toCouncil(row: CouncilSelection): Council {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    nameCy: row.name_cy,
    referencePrefix: row.reference_prefix,
    calendar: row.calendar,
    hostnames: row.hostnames,
    retentionYears: row.retention_years,
  };
}

/** Councils are public records (their names), readable without a council selected. */
export function councilRepository(tx: Tx) {
  return {
    async findByHostname(hostname: string): Promise<Council | undefined> {
      const row = await tx
        .selectFrom('councils')
        .select(councilColumns)
        .where((eb) => eb(eb.val(hostname.toLowerCase()), '=', eb.fn.any('hostnames')))
        .executeTakeFirst();
      return row ? toCouncil(row) : undefined;
    },
    async findBySlug(slug: string): Promise<Council | undefined> {
      const row = await tx.selectFrom('councils').select(councilColumns).where('slug', '=', slug).executeTakeFirst();
      return row ? toCouncil(row) : undefined;
    },
    async getById(id: string): Promise<Council> {
      const row = await tx.selectFrom('councils').select(councilColumns).where('id', '=', id).executeTakeFirstOrThrow();
      return toCouncil(row);
    },
    /** The council a request belongs to: by host name, else the default slug, else the first council. */
    async resolveForHost(hostname: string, defaultSlug?: string): Promise<Council | undefined> {
      const byHost = await this.findByHostname(hostname);
      if (byHost) return byHost;
      if (defaultSlug) return this.findBySlug(defaultSlug);
      const first = await tx.selectFrom('councils').select(councilColumns).orderBy('created_at').orderBy('slug').executeTakeFirst();
      return first ? toCouncil(first) : undefined;
    },
  };
}
