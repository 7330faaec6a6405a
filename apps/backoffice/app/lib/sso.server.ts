/**
 * The single sign-on state cookie: ties the provider's answer to the browser
 * that asked (against login CSRF). SameSite=Lax, so it comes back with the
 * provider's top-level redirect; HttpOnly; ten minutes; only for the callback.
 */
const NAME = 'heard_oidc_state';

export function oidcStateCookie(state: string, options: { secure: boolean }): string {
  return [`${NAME}=${encodeURIComponent(state)}`, 'Path=/sign-in/sso', 'HttpOnly', 'SameSite=Lax', 'Max-Age=600', ...(options.secure ? ['Secure'] : [])].join('; ');
}

export function clearedOidcStateCookie(options: { secure: boolean }): string {
  return [`${NAME}=`, 'Path=/sign-in/sso', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', ...(options.secure ? ['Secure'] : [])].join('; ');
}

export function readOidcState(request: Request): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === NAME) return decodeURIComponent(rest.join('='));
  }
  return null;
}
