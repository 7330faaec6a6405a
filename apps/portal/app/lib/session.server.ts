import { clearedSessionCookie, sessionCookie } from '@heard/api/session-cookie';

/** The session cookie set after a code, a link or an advocate's sign-in. */
export function sessionHeaders(token: string, secure: boolean): HeadersInit {
  return { 'Set-Cookie': sessionCookie(token, { secure }) };
}

export function clearedSessionHeaders(secure: boolean): HeadersInit {
  return { 'Set-Cookie': clearedSessionCookie({ secure }) };
}
