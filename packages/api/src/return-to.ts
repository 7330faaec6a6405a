/**
 * Where to send a person after signing in (by password, code, link or
 * single sign-on): only ever a path on this site. `//evil.example` and
 * `/\evil.example` are other sites to a browser (it reads a backslash as a
 * slash), so both are refused along with full URLs. The one rule for the API
 * and both apps.
 */
export function safeReturnTo(value: unknown, fallback = '/'): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : fallback;
}
