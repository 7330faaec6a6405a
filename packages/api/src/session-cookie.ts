/** The session cookie's name and shape, shared by the API (reading) and the apps (setting). */
export const SESSION_COOKIE = 'heard_session';

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (not
 * sent on cross-site posts), Secure whenever the site is reached over HTTPS,
 * which is always true in production behind the proxy. No Max-Age: it ends
 * with the browser, and the server ends it sooner (idle and absolute limits).
 */
export function sessionCookie(token: string, options: { secure: boolean }): string {
  return [`${SESSION_COOKIE}=${encodeURIComponent(token)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', ...(options.secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(options: { secure: boolean }): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', ...(options.secure ? ['Secure'] : [])].join('; ');
}

