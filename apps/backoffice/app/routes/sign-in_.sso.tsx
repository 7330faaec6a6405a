import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { getCaller, readVerifiedForm } from '@heard/ui/remix/server';
import { safeReturnTo } from '~/lib/session.server';
import { oidcStateCookie } from '~/lib/sso.server';

/** Starts single sign-on: to the council's provider, with the state kept in this browser's cookie. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const api = await getCaller(request, context);
  const origin = new URL(request.url).origin;
  const started = await api.auth.oidc.start({ redirectUri: `${origin}/sign-in/sso/callback`, returnTo: safeReturnTo(form.get('returnTo')) });
  return redirect(started.url, { headers: { 'Set-Cookie': oidcStateCookie(started.state, { secure: context.secure }) } });
}

export async function loader() {
  return redirect('/sign-in');
}
