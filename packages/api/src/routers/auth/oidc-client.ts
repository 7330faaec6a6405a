import * as client from 'openid-client';

/**
 * OpenID Connect discovery, cached per issuer and client for ten minutes
 * (a provider's metadata and keys change rarely; `openid-client` refreshes
 * keys by itself). Plain http is allowed only for a provider on this machine
 * (tests, development); every other issuer must be https.
 */
const TTL_MS = 10 * 60_000;
const cache = new Map<string, { config: Promise<client.Configuration>; until: number }>();

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

export function getOidcConfiguration(settings: { issuer: string; clientId: string; clientSecret: string }): Promise<client.Configuration> {
  const key = `${settings.issuer}|${settings.clientId}|${settings.clientSecret}`;
  const cached = cache.get(key);
  if (cached && cached.until > Date.now()) return cached.config;
  const issuer = new URL(settings.issuer);
  const config = client.discovery(issuer, settings.clientId, settings.clientSecret || undefined, undefined, isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined);
  config.catch(() => cache.delete(key));
  cache.set(key, { config, until: Date.now() + TTL_MS });
  return config;
}

export function forgetOidcConfiguration(issuer: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${issuer}|`)) cache.delete(key);
}

export { client as openidClient };
