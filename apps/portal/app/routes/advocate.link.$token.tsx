import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { describeApiError } from '@heard/api/errors';
import { getCaller, serverT } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { sessionHeaders } from '~/lib/session.server';

/** An advocate's sign-in link from their email: once, within 20 minutes. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  try {
    const session = await api.public.advocate.openLink({ token: params.token ?? '' });
    throw redirect('/advocate', { headers: sessionHeaders(session.token, context.secure) });
  } catch (error) {
    if (error instanceof Response) throw error;
    if (describeApiError(error).status >= 500) throw error;
    const { t } = await serverT(request);
    return { pageTitle: t('portal.advocate.link.expiredTitle') };
  }
}

export default function AdvocateLinkExpired() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('portal.advocate.link.expiredTitle')}</h1>
        <p className="govuk-body">{t('portal.advocate.link.expiredBody')}</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/advocate/link">
            {t('portal.advocate.link.again')}
          </a>
        </p>
      </div>
    </div>
  );
}
