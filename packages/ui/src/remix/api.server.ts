import { detectLanguage } from './i18n.server';

/** The part of the apps' load context this needs (the apps declare the full `HeardLoadContext`). */
type ContextWithApi<Caller> = {
  api: { getCaller: (request: Request, info: { ip: string | null; language: 'en' | 'cy' }) => Promise<Caller> };
  clientIp: string | null;
};

/**
 * The API's "the database cannot be used just now" (a restart, no disk, a
 * read-only database), recognised by shape: the apps' bundles carry their own
 * copy of tRPC, so its classes are not ours.
 */
function isUnavailable(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown } | null;
  return !!e && typeof e === 'object' && e.name === 'TRPCError' && e.code === 'SERVICE_UNAVAILABLE';
}

/** What a loader or action throws for it: GOV.UK's "service unavailable" page, status 503. */
export function serviceUnavailable(): Response {
  return new Response('Service unavailable', { status: 503, headers: { 'Retry-After': '5' } });
}

/**
 * Every procedure call of the caller, through any depth of routers, with
 * "unavailable" turned into a thrown 503 response: whatever the route does
 * with other errors, the person sees the service-unavailable page and can
 * try again, never a generic error or a false confirmation.
 */
function guarded<Caller>(caller: Caller): Caller {
  const at = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_target, key) => (typeof key === 'string' && key !== 'then' ? at([...path, key]) : undefined),
      apply: (_target, _this, args: unknown[]) => {
        let procedure: unknown = caller;
        for (const part of path) procedure = (procedure as Record<string, unknown>)[part];
        return (procedure as (...a: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
          throw isUnavailable(error) ? serviceUnavailable() : error;
        });
      },
    });
  return at([]) as Caller;
}

/**
 * A tRPC caller for this request. Every loader and action makes its own:
 * loaders run in parallel and each is a public endpoint (style.md).
 */
export async function getCaller<Caller>(request: Request, context: ContextWithApi<Caller>): Promise<Caller> {
  const language = await detectLanguage(request);
  try {
    return guarded(await context.api.getCaller(request, { ip: context.clientIp, language }));
  } catch (error) {
    throw isUnavailable(error) ? serviceUnavailable() : error;
  }
}
