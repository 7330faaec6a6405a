import { createCookie } from '@remix-run/node';
import type { NextFunction, Request, Response } from 'express';

/**
 * The language chosen in an address (`?lang=cy`, as in the links of our
 * Welsh emails or a bookmarked Welsh page) is remembered even when the page
 * redirects. The apps' root loader remembers it for pages it renders, but
 * Remix drops the root loader's cookies when another loader redirects
 * (`/compliment?lang=cy` goes on to its first question), so the next page
 * would be in English. This sets the same cookie on such redirects.
 *
 * The cookie is the one `packages/ui/src/remix/i18n.server.ts` defines
 * (`languageCookie`): same name, options and encoding. The host may not
 * import the apps' UI package, so the definition is repeated here; the
 * portal's Welsh browser tests fail if the two drift apart.
 */
const languageCookie = createCookie('heard_lang', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
const LANGUAGES = new Set(['en', 'cy']);

export function languageOnRedirect() {
  return (request: Request, response: Response, next: NextFunction) => {
    const language = request.query.lang;
    if (request.method !== 'GET' || typeof language !== 'string' || !LANGUAGES.has(language)) return next();
    void languageCookie.serialize(language).then((cookie) => {
      const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => Response;
      response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
        if (statusCode >= 300 && statusCode < 400) {
          const existing = response.getHeader('Set-Cookie');
          const cookies = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
          if (!cookies.some((c) => c.startsWith('heard_lang='))) response.setHeader('Set-Cookie', [...cookies, cookie]);
        }
        return writeHead(statusCode, ...rest);
      }) as Response['writeHead'];
      next();
    }, next);
  };
}
