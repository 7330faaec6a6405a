import type { JourneyId } from '@heard/domain';
import { sessionCookie } from '@heard/api/session-cookie';

/** A journey's draft token lives in its own cookie for 7 days (as long as the draft). */
const DRAFT_MAX_AGE = 7 * 24 * 3600;

function cookieName(journey: JourneyId): string {
  return `heard_draft_${journey.replace(/-/g, '_')}`;
}

function readCookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function readDraftToken(request: Request, journey: JourneyId): string | null {
  const token = readCookie(request, cookieName(journey));
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

export function draftCookie(journey: JourneyId, token: string, secure: boolean): string {
  return [`${cookieName(journey)}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${DRAFT_MAX_AGE}`, ...(secure ? ['Secure'] : [])].join('; ');
}

export function clearedDraftCookie(journey: JourneyId, secure: boolean): string {
  return [`${cookieName(journey)}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', ...(secure ? ['Secure'] : [])].join('; ');
}

export { sessionCookie };
