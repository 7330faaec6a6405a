import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { formatDate } from '@heard/domain';
import { InsetText, Panel } from '@heard/ui';
import { serverT } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { journeyCaller, journeyFrom, loadDraft } from '~/lib/journey.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const journey = journeyFrom(params.journey);
  const api = await journeyCaller(request, context, journey);
  const { draft } = await loadDraft(request, api, journey);
  if (!draft?.confirmation) throw redirect(`/${journey}`);
  const { t } = await serverT(request);
  return { journey, confirmation: draft.confirmation, pageTitle: t(`portal.confirmation.title.${journey}`) };
}

/** The confirmation: the reference, the date a reply is due (from @heard/domain) and what happens next. */
export default function Confirmation() {
  const { journey, confirmation } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'cy' ? 'cy' : 'en';
  const date = (iso: string) => formatDate(iso, language);
  const due = confirmation.response;
  const kind = confirmation.caseType === 'foi_request' ? 'foi' : confirmation.caseType === 'compliment' ? 'compliment' : confirmation.caseType.endsWith('_enquiry') ? 'enquiry' : 'complaint';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title={t(`portal.confirmation.title.${journey}`)}>
          {t('portal.confirmation.reference')}
          <br />
          <strong data-testid="reference">{confirmation.reference}</strong>
        </Panel>
        {confirmation.contactBy === 'email' ? <p className="govuk-body">{t('portal.confirmation.emailed')}</p> : null}
        <h2 className="govuk-heading-m">{t('portal.confirmation.nextTitle')}</h2>
        {kind === 'foi' && due.dueOn ? (
          <>
            <p className="govuk-body">{t('portal.confirmation.foi.law')}</p>
            <p className="govuk-body" data-testid="due">
              {t('portal.confirmation.foi.due', { date: date(due.dueOn) })}
            </p>
            <p className="govuk-body">{t('portal.confirmation.foi.workingDays')}</p>
          </>
        ) : null}
        {kind === 'complaint' && due.dueOn ? (
          <p className="govuk-body" data-testid="due">
            {t(due.status === 'provisional' ? 'portal.confirmation.complaint.dueProvisional' : 'portal.confirmation.complaint.due', { date: date(due.dueOn) })}
          </p>
        ) : null}
        {kind === 'complaint' && !due.dueOn ? <p className="govuk-body">{t('portal.confirmation.complaint.noDate')}</p> : null}
        {kind === 'enquiry' && due.dueOn ? (
          <p className="govuk-body" data-testid="due">
            {t('portal.confirmation.enquiry.due', { date: date(due.dueOn) })}
          </p>
        ) : null}
        {kind === 'compliment' ? <p className="govuk-body">{t('portal.confirmation.compliment.next')}</p> : null}
        {confirmation.nextSteps ? <p className="govuk-body">{t(confirmation.nextSteps)}</p> : null}
        {confirmation.advocateCallRequested ? <InsetText>{t('portal.confirmation.advocateCall')}</InsetText> : null}
        {kind !== 'compliment' ? (
          <>
            <h2 className="govuk-heading-m">{t('portal.confirmation.trackTitle')}</h2>
            <p className="govuk-body">
              {t('portal.confirmation.trackBody')}{' '}
              <a className="govuk-link" href="/track">
                {t('portal.confirmation.trackLink')}
              </a>
            </p>
          </>
        ) : null}
        {journey === 'advocate-complaint' ? (
          <p className="govuk-body">
            <a className="govuk-link" href="/advocate">
              {t('portal.advocate.backToCases')}
            </a>
          </p>
        ) : null}
      </div>
    </div>
  );
}
