import { data } from '@remix-run/node';
import { ensureCsrfToken } from './csrf.server';
import { detectLanguage, languageCookie } from './i18n.server';

/**
 * What every page's root loader returns besides its own data: the language
 * (remembered when chosen with the toggle) and the CSRF token, with the
 * cookies to set.
 */
export async function rootLoaderData<T extends object>(request: Request, secure: boolean, extra: T) {
  const language = await detectLanguage(request);
  const csrf = ensureCsrfToken(request, { secure });
  const headers = new Headers();
  if (new URL(request.url).searchParams.has('lang')) headers.append('Set-Cookie', await languageCookie.serialize(language));
  if (csrf.setCookie) headers.append('Set-Cookie', csrf.setCookie);
  return data({ ...extra, language, csrfToken: csrf.token }, { headers });
}
