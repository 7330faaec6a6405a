import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * Headers on every response (quality.md "Security"): a CSP whose only
 * inline script is the one carrying this response's nonce, HSTS, nosniff,
 * no framing, a strict referrer policy and no powerful features.
 * The nonce goes to Remix through the load context.
 */
export function securityHeaders(options: { development: boolean }) {
  return (_request: Request, response: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString('base64');
    response.locals.cspNonce = nonce;
    const scriptSrc = options.development ? `'self' 'nonce-${nonce}' 'unsafe-inline'` : `'self' 'nonce-${nonce}'`;
    response.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src ${scriptSrc}`,
        `style-src 'self'${options.development ? " 'unsafe-inline'" : ''}`,
        "img-src 'self' data:",
        "font-src 'self'",
        `connect-src 'self'${options.development ? ' ws: wss:' : ''}`,
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
      ].join('; '),
    );
    response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Referrer-Policy', 'same-origin');
    response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    next();
  };
}

/**
 * Refuses a state-changing request sent from another site: the browser's
 * Origin (or, failing that, Referer) must be this host. This stands in front
 * of the form token that every action checks too.
 */
export function sameOriginWrites() {
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return next();
    const source = request.get('origin') ?? request.get('referer');
    const host = request.get('host');
    if (source && host) {
      try {
        if (new URL(source).host === host) return next();
      } catch {
        // An unparsable Origin is treated as foreign.
      }
    }
    response.status(403).type('text/plain').send('This form was sent from another website, so it has not been accepted.');
  };
}
