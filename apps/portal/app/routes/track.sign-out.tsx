import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { getCaller } from '@heard/ui/remix/server';
import { readVerifiedForm } from '~/lib/form.server';
import { clearedSessionHeaders } from '~/lib/session.server';

export function loader() {
  return redirect('/track');
}

/** Ends the tracking (or advocate) session on the server and in the browser: the case may be on a shared device. */
export async function action({ request, context }: ActionFunctionArgs) {
  await readVerifiedForm(request);
  const api = await getCaller(request, context);
  const who = await api.auth.whoami();
  await api.auth.signOut();
  return redirect(who?.kind === 'advocate' ? '/advocate/sign-in?signedOut=1' : '/track?signedOut=1', { headers: clearedSessionHeaders(context.secure) });
}
