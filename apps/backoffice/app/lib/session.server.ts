import { redirect } from '@remix-run/node';
import { describeApiError } from '@heard/api/errors';

/**
 * Runs an API call for a signed-in page; a missing or expired session sends
 * the person to sign in and back here afterwards, instead of an error page.
 */
export async function requireSignedIn<T>(request: Request, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const status = describeApiError(error).status;
    if (status === 401) {
      const url = new URL(request.url);
      throw redirect(`/sign-in?returnTo=${encodeURIComponent(url.pathname + url.search)}`);
    }
    // Not found (including a case out of the person's reach) and forbidden are pages, not crashes.
    if (status === 404 || status === 403) throw new Response(status === 404 ? 'Not found' : 'Forbidden', { status });
    throw error;
  }
}

// One rule for both apps (a backslash counts as a slash to a browser).
export { safeReturnTo } from '@heard/api/return-to';
