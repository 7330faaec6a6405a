import { redirect } from '@remix-run/node';
import { describeApiError } from '@heard/api/errors';
import { localiseParams } from '@heard/domain';
import { serverT } from '@heard/ui/remix/server';

/** Runs an API call for a page that needs a session; without one, sends the person to `signInPath`. */
export async function requireSession<T>(request: Request, signInPath: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const status = describeApiError(error).status;
    if (status === 401) throw signInRedirect(request, signInPath);
    if (status === 404) throw new Response('Not found', { status: 404 });
    throw error;
  }
}

/**
 * To the sign-in page, coming back here afterwards. A language chosen in this
 * request (`?lang=cy`) goes along: a redirecting loader's cookies are dropped,
 * so the sign-in page must see the choice itself to remember it.
 */
export function signInRedirect(request: Request, signInPath: string): Response {
  const url = new URL(request.url);
  const language = url.searchParams.get('lang');
  const target = new URLSearchParams({ returnTo: url.pathname + url.search });
  if (language) target.set('lang', language);
  return redirect(`${signInPath}?${target.toString()}`);
}

// One rule for both apps (a backslash counts as a slash to a browser).
export { safeReturnTo } from '@heard/api/return-to';

/**
 * A refusal's message as text, written on the server: the lifecycle's
 * refusals (`refusal.*`) are not among the strings a page loads in the browser.
 */
export async function refusalText(request: Request, key: string | undefined, params: Record<string, string | number>): Promise<string | null> {
  if (!key || !key.startsWith('refusal.')) return null;
  const { language, t } = await serverT(request);
  return t(key, localiseParams(params, language));
}
