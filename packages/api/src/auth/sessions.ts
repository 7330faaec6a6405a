import { createHash, randomBytes } from 'node:crypto';
import { sessionRepository, userRepository, type Tx } from '@heard/db';
import type { Session } from '../context';

/**
 * Session lifetimes. Staff sessions end after 30 idle minutes or 10 hours in
 * all (a working day); a citizen's tracking session is short because it opens
 * a child's case on what may be a shared device.
 */
export const SESSION_LIMITS = {
  staff: { idleMs: 30 * 60_000, absoluteMs: 10 * 60 * 60_000 },
  advocate: { idleMs: 60 * 60_000, absoluteMs: 12 * 60 * 60_000 },
  citizen: { idleMs: 15 * 60_000, absoluteMs: 60 * 60_000 },
  /** Between the password and the TOTP code. */
  pendingSecondFactor: { idleMs: 5 * 60_000, absoluteMs: 5 * 60_000 },
} as const;

/** Only write "last seen" when it has moved this much, so reads stay reads. */
const TOUCH_AFTER_MS = 60_000;

/** 256 random bits, URL-safe: the only copy is in the person's cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The session a token stands for, if it is still alive. An expired one is
 * reported (`expired`) so the caller deletes it even when the call is then
 * refused and rolled back: a dead cookie never comes back to life.
 */
export async function loadSession(tx: Tx, token: string, now: Date): Promise<Session | { expired: string } | null> {
  if (token.length < 20 || token.length > 100) return null;
  const tokenHash = hashSessionToken(token);
  const sessions = sessionRepository(tx);
  const stored = await sessions.findByTokenHash(tokenHash);
  if (!stored) return null;
  const limits = stored.state === 'pending_second_factor' ? SESSION_LIMITS.pendingSecondFactor : SESSION_LIMITS[stored.kind];
  const idleExpired = now.getTime() - stored.lastSeenAt.getTime() > limits.idleMs;
  if (idleExpired || now.getTime() >= stored.expiresAt.getTime()) return { expired: tokenHash };
  if (now.getTime() - stored.lastSeenAt.getTime() > TOUCH_AFTER_MS) await sessions.touch(tokenHash, now);

  if (stored.kind === 'citizen') {
    return stored.caseId ? { kind: 'citizen', tokenHash, caseId: stored.caseId } : null;
  }
  if (!stored.userId) return null;
  const users = userRepository(tx);
  const user = await users.getById(stored.userId);
  if (!user.active) return null;
  if (stored.kind === 'advocate') {
    return { kind: 'advocate', tokenHash, userId: user.id, displayName: user.displayName, email: user.email };
  }
  return {
    kind: 'staff',
    tokenHash,
    userId: user.id,
    displayName: user.displayName,
    email: user.email,
    roles: await users.findRoles(user.id),
    pendingSecondFactor: stored.state === 'pending_second_factor',
  };
}

/**
 * Starts a new session and ends the one the request came with: a fresh token
 * on every sign-in step, so a token planted before sign-in (session fixation)
 * is worthless after it.
 */
export async function startSession(
  tx: Tx,
  values: {
    councilId: string;
    kind: 'staff' | 'advocate' | 'citizen';
    state: 'pending_second_factor' | 'active';
    userId?: string | null;
    caseId?: string | null;
    now: Date;
    replacing?: string | null;
  },
): Promise<{ token: string; expiresAt: Date }> {
  const sessions = sessionRepository(tx);
  if (values.replacing) await sessions.delete(values.replacing);
  const token = newSessionToken();
  const limits = values.state === 'pending_second_factor' ? SESSION_LIMITS.pendingSecondFactor : SESSION_LIMITS[values.kind];
  const expiresAt = new Date(values.now.getTime() + limits.absoluteMs);
  await sessions.insert({
    tokenHash: hashSessionToken(token),
    councilId: values.councilId,
    userId: values.userId ?? null,
    caseId: values.caseId ?? null,
    kind: values.kind,
    state: values.state,
    expiresAt,
    now: values.now,
  });
  return { token, expiresAt };
}
