/**
 * The API as the apps' servers use it: a caller bound to one HTTP request
 * (council from the host name, session from the cookie), plus the session
 * cookie's shape. Remix loaders and actions get it through their load context.
 */
import { councilRepository, isDatabaseUnavailable, type Council, type HeardDatabase } from '@heard/db';
import { AppError } from './errors';
import type { Context } from './context';
import { appRouter } from './router';
import { readSessionToken } from './session-cookie';
import { createCallerFactory } from './trpc';

export type ApiCaller = ReturnType<typeof appRouter.createCaller>;

export type ApiOptions = {
  database: HeardDatabase;
  /** The council for host names no council claims (one-council installs, development). */
  defaultCouncilSlug?: string | undefined;
  /** Tests pin the clock. */
  now?: () => Date;
};

export type RequestInfo = {
  /** The client's address, after a trusted proxy. */
  ip?: string | null;
  language?: 'en' | 'cy';
};

export type HeardApi = {
  /** A tRPC caller acting for this request (style.md: every loader and action makes its own). */
  getCaller: (request: Request, info?: RequestInfo) => Promise<ApiCaller>;
  database: HeardDatabase;
};

/** What the apps' servers put in Remix's load context. */
export type HeardLoadContext = {
  api: HeardApi;
  /** Per-response values set by the server: the CSP nonce for inline-free scripts. */
  cspNonce: string;
  /** Whether the request reached us over HTTPS (directly or via a trusted proxy). */
  secure: boolean;
  clientIp: string | null;
};

export class NoCouncilError extends Error {
  override name = 'NoCouncilError';
}

/** Councils change rarely; look each host up at most once a minute. */
const COUNCIL_CACHE_MS = 60_000;

export function createApi(options: ApiOptions): HeardApi {
  const createCaller = createCallerFactory(appRouter);
  const now = options.now ?? (() => new Date());
  const councils = new Map<string, { council: Council; until: number }>();

  async function councilFor(host: string): Promise<Council> {
    const hostname = host.replace(/:\d+$/, '').toLowerCase();
    const cached = councils.get(hostname);
    if (cached && cached.until > Date.now()) return cached.council;
    const council = await options.database
      .withCouncil(null, (tx) => councilRepository(tx).resolveForHost(hostname, options.defaultCouncilSlug))
      .catch((error: unknown) => {
        // Before any procedure: the same "try again" as inside one (trpc.ts).
        throw isDatabaseUnavailable(error) ? new AppError('UNAVAILABLE', 'errors.unavailable') : error;
      });
    if (!council) throw new NoCouncilError(`No council is set up for ${hostname}; run \`pnpm heard demo\` or create one.`);
    councils.set(hostname, { council, until: Date.now() + COUNCIL_CACHE_MS });
    return council;
  }

  return {
    database: options.database,
    async getCaller(request, info = {}) {
      const url = new URL(request.url);
      const council = await councilFor(request.headers.get('host') ?? url.host);
      const context: Context = {
        database: options.database,
        council,
        sessionToken: readSessionToken(request),
        request: { ip: info.ip ?? null, host: url.host, language: info.language ?? 'en' },
        now,
      };
      return createCaller(context);
    },
  };
}

export { appRouter } from './router';
export { hashPassword } from './auth/passwords';
export { startSession } from './auth/sessions';
export { newTotpSecret, totpUri, currentTotpCode } from './auth/totp';
export { SESSION_COOKIE, sessionCookie, clearedSessionCookie, readSessionToken } from './session-cookie';
