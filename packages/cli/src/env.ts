import { z } from 'zod';

/** The servers' settings (contracts.md "Ports"); database settings are @heard/db's. */
const ZServerEnv = z.object({
  PORTAL_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  BACKOFFICE_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** Worker processes with PostgreSQL (`node:cluster`); the embedded database allows one. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Express's `trust proxy`: which hops may set X-Forwarded-For/-Proto (e.g. `loopback`, `1`). */
  TRUST_PROXY: z.string().trim().optional(),
  /** The council for host names that no council claims (one-council installs, development). */
  HEARD_DEFAULT_COUNCIL: z.string().trim().optional(),
});

export type ServerEnv = z.infer<typeof ZServerEnv>;

export function readServerEnv(env: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = ZServerEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ServerConfigError(`${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export class ServerConfigError extends Error {
  override name = 'ServerConfigError';
}
