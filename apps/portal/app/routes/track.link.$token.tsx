import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { describeApiError } from '@heard/api/errors';
import { getCaller, serverT } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { sessionHeaders } from '~/lib/session.server';

/** The link in our emails: opens the same case page as a code does. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  try {
    const session = await api.public.track.openLink({ token: params.token ?? '' });
    throw redirect('/track/case', { headers: sessionHeaders(session.token, context.secure) });
  } catch (error) {
    if (error instanceof Response) throw error;
    const described = describeApiError(error);
    if (described.status >= 500) throw error;
    const { t } = await serverT(request);
    return { pageTitle: t('portal.track.link.expiredTitle') };
  }
}

export default function TrackLinkExpired() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('portal.track.link.expiredTitle')}</h1>
        <p className="govuk-body">{t('portal.track.link.expiredBody')}</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/track">
            {t('portal.track.link.useCode')}
          </a>
        </p>
      </div>
    </div>
  );
}
