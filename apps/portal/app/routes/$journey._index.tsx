import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { clearedDraftCookie } from '~/lib/cookies.server';
import { firstSteps, journeyCaller, journeyFrom, loadDraft } from '~/lib/journey.server';

/**
 * The start of a journey: carries on a draft where it was left, or starts
 * afresh (a draft already sent is let go, so a second complaint is a new one).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const journey = journeyFrom(params.journey);
  const api = await journeyCaller(request, context, journey);
  const { draft } = await loadDraft(request, api, journey);
  const first = firstSteps(journey)[0];
  if (draft && !draft.confirmation) throw redirect(`/${journey}/${draft.progress.next ?? 'check'}`);
  throw redirect(`/${journey}/${first}`, draft ? { headers: { 'Set-Cookie': clearedDraftCookie(journey, context.secure) } } : undefined);
}

/**
 * Never rendered (the loader always redirects), but it makes this a page
 * route rather than a resource route, so an address that is not a journey
 * gets the "Page not found" page, not a bare "Not found".
 */
export default function JourneyStart() {
  return null;
}
