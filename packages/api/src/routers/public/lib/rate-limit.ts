import type { HeardDatabase } from '@heard/db';
import { AppError } from '../../../errors';
import { readPublicEnv } from './env';

/**
 * Rate limits on the portal's public actions: an in-memory token bucket per
 * client address (and per case reference where it matters), per process.
 * In memory because these are a brake on abuse, not a security boundary:
 * the lock after five wrong codes, which is one, is kept in the database
 * (`tracking_locks`) and holds across processes and restarts. With N worker
 * processes an address gets up to N times these budgets.
 */
export type LimitKind = 'submit' | 'draft' | 'upload' | 'codeRequest' | 'codeEntry' | 'link' | 'advocateSignIn' | 'email';

/** Capacity (a burst) and the seconds to earn one more. */
export const LIMITS: Record<LimitKind, { capacity: number; refillSeconds: number }> = {
  submit: { capacity: 60, refillSeconds: 10 },
  draft: { capacity: 600, refillSeconds: 0.5 },
  upload: { capacity: 60, refillSeconds: 10 },
  codeRequest: { capacity: 20, refillSeconds: 60 },
  codeEntry: { capacity: 30, refillSeconds: 20 },
  link: { capacity: 60, refillSeconds: 10 },
  advocateSignIn: { capacity: 30, refillSeconds: 20 },
  email: { capacity: 20, refillSeconds: 60 },
};

type Bucket = { tokens: number; at: number };

// One set of buckets per database handle, so that separate test databases never share a budget.
const bucketsByDatabase = new WeakMap<HeardDatabase, Map<string, Bucket>>();
const MAX_BUCKETS = 50_000;

/** Takes one token, or refuses with 429 and a message saying when to try again. */
export function takeToken(database: HeardDatabase, kind: LimitKind, key: string, now: Date): void {
  if (readPublicEnv().HEARD_RATE_LIMITS === 'off') return;
  let buckets = bucketsByDatabase.get(database);
  if (!buckets) {
    buckets = new Map();
    bucketsByDatabase.set(database, buckets);
  }
  const { capacity, refillSeconds } = LIMITS[kind];
  const id = `${kind}:${key}`;
  const at = now.getTime();
  const bucket = buckets.get(id) ?? { tokens: capacity, at };
  const earned = Math.max(0, (at - bucket.at) / 1000 / refillSeconds);
  const tokens = Math.min(capacity, bucket.tokens + earned);
  if (tokens < 1) {
    buckets.set(id, { tokens, at });
    throw new AppError('TOO_MANY', 'portal.errors.tooMany', { params: { minutes: Math.max(1, Math.ceil(((1 - tokens) * refillSeconds) / 60)) } });
  }
  if (buckets.size >= MAX_BUCKETS) buckets.clear();
  buckets.set(id, { tokens: tokens - 1, at });
}
