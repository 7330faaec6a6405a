import type { AppLoadContext } from '@remix-run/node';
import { isJourneyId, journeyProgress, toUkDate, type JourneyId } from '@heard/domain';
import { getCaller } from '@heard/ui/remix/server';
import { readDraftToken } from './cookies.server';
import { signInRedirect } from './errors.server';

/** The journey named in the address, or "not found". */
export function journeyFrom(value: string | undefined): JourneyId {
  if (!isJourneyId(value)) throw new Response('Not found', { status: 404 });
  return value;
}

/** A caller for the request; on the advocate's journey, only for a signed-in advocate (others are sent to sign in). */
export async function journeyCaller(request: Request, context: AppLoadContext, journey: JourneyId) {
  const api = await getCaller(request, context);
  if (journey === 'advocate-complaint') {
    const who = await api.auth.whoami();
    if (who?.kind !== 'advocate') throw signInRedirect(request, '/advocate/sign-in');
  }
  return api;
}

type Api = Awaited<ReturnType<typeof journeyCaller>>;

/** The journey's draft from its cookie, or null. */
export async function loadDraft(request: Request, api: Api, journey: JourneyId) {
  const token = readDraftToken(request, journey);
  const draft = token ? await api.public.draft.get({ token, journey }) : null;
  return { token, draft };
}

/** The pages of a journey not yet started (before any answer decides which apply). */
export function firstSteps(journey: JourneyId): string[] {
  return journeyProgress(journey, {}, { today: toUkDate(new Date()), serviceIds: [] }).steps;
}
