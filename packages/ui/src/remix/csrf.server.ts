import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * CSRF protection by double submission: a random token in an HttpOnly,
 * SameSite cookie, repeated in a hidden field of every form. Another site can
 * make a browser post a form, but it can neither read nor set our cookie, so
 * it cannot supply the matching field. The server also refuses writes whose
 * Origin is not ours (packages/cli/src/server/security-headers.ts).
 */
export const CSRF_COOKIE = 'heard_csrf';
export const CSRF_FIELD = 'csrf';

function readCookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

/** The request's token, and the cookie to set when it has none yet. */
export function ensureCsrfToken(request: Request, options: { secure: boolean }): { token: string; setCookie: string | null } {
  const existing = readCookie(request, CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return { token: existing, setCookie: null };
  const token = randomBytes(32).toString('base64url');
  const setCookie = [`${CSRF_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', ...(options.secure ? ['Secure'] : [])].join('; ');
  return { token, setCookie };
}

export class CsrfError extends Response {
  constructor() {
    super('This form could not be accepted because it did not come from this service. Go back, reload the page and send it again.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
}

/** Reads a posted form, refusing it (403) unless its token matches the cookie. */
export async function readVerifiedForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    // A body that is not the form it says it is (broken multipart, wrong type): the sender's mistake, not ours.
    throw new Response('Bad request', { status: 400 });
  }
  verifyFormToken(request, form);
  return form;
}

/** Refuses (403) a form already read (e.g. a multipart upload read with a size limit) unless its token matches the cookie. */
export function verifyFormToken(request: Request, form: FormData): void {
  const sent = form.get(CSRF_FIELD);
  const expected = readCookie(request, CSRF_COOKIE);
  if (typeof sent !== 'string' || !expected || sent.length !== expected.length) throw new CsrfError();
  if (!timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) throw new CsrfError();
}
