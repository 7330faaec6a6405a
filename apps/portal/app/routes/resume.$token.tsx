import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { getCaller, serverT } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { draftCookie } from '~/lib/cookies.server';

/** The come-back link: reopens the draft in this browser and goes to the first page still to answer. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = params.token ?? '';
  const api = await getCaller(request, context);
  const draft = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await api.public.draft.get({ token }) : null;
  if (draft) {
    const target = draft.confirmation ? 'confirmation' : (draft.progress.next ?? 'check');
    throw redirect(`/${draft.journey}/${target}`, { headers: { 'Set-Cookie': draftCookie(draft.journey, token, context.secure) } });
  }
  const { t } = await serverT(request);
  return { pageTitle: t('portal.resume.expiredTitle') };
}

export default function ResumeExpired() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('portal.resume.expiredTitle')}</h1>
        <p className="govuk-body">{t('portal.resume.expiredBody')}</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/start">
            {t('portal.resume.startAgain')}
          </a>
        </p>
      </div>
    </div>
  );
}
