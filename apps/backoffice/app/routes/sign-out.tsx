import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { clearedSessionCookie } from '@heard/api/session-cookie';
import { Button, EnhancedForm, type RouteHandle } from '@heard/ui';
import { getCaller, readVerifiedForm } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';

export const handle: RouteHandle = { titleKey: 'backoffice.nav.signOut' };

export async function loader() {
  return null;
}

/** Ends the session on the server first, then clears the cookie. */
export async function action({ request, context }: ActionFunctionArgs) {
  await readVerifiedForm(request);
  const api = await getCaller(request, context);
  await api.auth.signOut();
  return redirect('/sign-in?signedOut=1', { headers: { 'Set-Cookie': clearedSessionCookie({ secure: context.secure }) } });
}

/** Signing out is a POST (a link could be triggered by another site); this page holds the button. */
export default function SignOut() {
  const { t } = useTranslation();
  return (
    <EnhancedForm onSubmit={() => undefined}>
      <h1 className="govuk-heading-l">{t('backoffice.nav.signOut')}</h1>
      <Button>{t('backoffice.nav.signOut')}</Button>
    </EnhancedForm>
  );
}

