import type { LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { toFormErrors } from '@heard/api/errors';
import { sessionCookie } from '@heard/api/session-cookie';
import { type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { clearedOidcStateCookie, readOidcState } from '~/lib/sso.server';

export const handle: RouteHandle = { titleKey: 'casework.sso.title' };

/** The provider sent the browser back: the API checks everything and starts the session. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const headers = new Headers({ 'Set-Cookie': clearedOidcStateCookie({ secure: context.secure }) });
  try {
    const result = await api.auth.oidc.callback({ callbackUrl: request.url, stateCookie: readOidcState(request) });
    headers.append('Set-Cookie', sessionCookie(result.token, { secure: context.secure }));
    return redirect(result.returnTo, { headers });
  } catch (error) {
    const failure = toFormErrors(error);
    return data({ message: failure.errors._form ?? 'casework.sso.errors.failed' }, { status: failure.status, headers });
  }
}

export default function SsoFailed() {
  const { message } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('casework.sso.title')}</h1>
        <p className="govuk-body">{t(message)}</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/sign-in">
            {t('casework.sso.tryAgain')}
          </a>
        </p>
      </div>
    </div>
  );
}
