import { z } from 'zod';
import { DatabaseConfigError } from './errors';

/** The database settings of contracts.md "Database selection", read once. */
const ZDatabaseEnv = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// (or be unset for the embedded database)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  HEARD_DATA_DIR: z.string().trim().min(1).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
});

export type DatabaseEnv = z.infer<typeof ZDatabaseEnv>;

export function readDatabaseEnv(env: Record<string, string | undefined> = process.env): DatabaseEnv {
  const parsed = ZDatabaseEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DatabaseConfigError(issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid database settings');
  }
  return parsed.data;
}
