import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Council } from '@heard/db';

/** 256 random bits, URL-safe: a link's secret or a draft's token. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A six-digit code, with the case it belongs to in its hash (the same code on two cases hashes differently). */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function hashCode(caseId: string, code: string): string {
  return createHash('sha256').update(`${caseId}:${code}`).digest('hex');
}

/** Uniform random numbers from the system's secure source, for references. */
export function secureRandom(): number {
  return randomInt(0, 2 ** 47) / 2 ** 47;
}

/**
 * The address of this council's portal for links in emails: the host the
 * request came to when it is one of the council's own, otherwise the
 * council's first host name. A forged Host header can never send a code to
 * someone else's site.
 */
export function portalOrigin(council: Pick<Council, 'hostnames'>, requestHost: string): string {
  const hostname = requestHost.replace(/:\d+$/, '').toLowerCase();
  const known = council.hostnames.map((h) => h.toLowerCase());
  const host = known.includes(hostname) ? requestHost : (known[0] ?? requestHost);
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  return `${local ? 'http' : 'https'}://${host}`;
}
