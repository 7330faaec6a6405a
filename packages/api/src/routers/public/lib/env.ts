import { z } from 'zod';

/**
 * The portal API's settings. `HEARD_RATE_LIMITS=off` turns the per-address
 * limits off (load tests from one address); `HEARD_DEV_MAILBOX=1` lets the
 * portal's development mailbox list the outbox (codes and links included):
 * for development and the browser tests only, never in production.
 */
const ZPublicEnv = z.object({
  HEARD_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  HEARD_DEV_MAILBOX: z.enum(['0', '1']).default('0'),
});

export type PublicEnv = z.infer<typeof ZPublicEnv>;

export function readPublicEnv(env: Record<string, string | undefined> = process.env): PublicEnv {
  const parsed = ZPublicEnv.safeParse({ HEARD_RATE_LIMITS: env.HEARD_RATE_LIMITS || undefined, HEARD_DEV_MAILBOX: env.HEARD_DEV_MAILBOX || undefined });
  if (!parsed.success) throw new Error(`Invalid portal setting: ${parsed.error.issues[0]?.path.join('.')} must be one of its allowed values`);
  return parsed.data;
}
