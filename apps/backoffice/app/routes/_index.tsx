import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { CASE_TYPES } from '@heard/domain';
import { Table, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'backoffice.home.title' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  return requireSignedIn(request, () => api.staff.dashboard.summary());
}

/** Home: the council's open caseload, straight from the database. */
export default function Home() {
  const summary = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <span className="govuk-caption-l">{t('backoffice.home.signedInAs', { name: summary.user.displayName })}</span>
      <h1 className="govuk-heading-l">{t('backoffice.home.title')}</h1>
      <div className="heard-figures">
        <div>
          <span className="heard-figure" data-testid="open-count">
            {summary.counts.open}
          </span>
          <span className="govuk-body">{t('backoffice.home.open')}</span>
        </div>
        <div>
          <span className="heard-figure" data-testid="overdue-count">
            {summary.counts.overdue}
          </span>
          <span className="govuk-body">{t('backoffice.home.overdue')}</span>
        </div>
      </div>
      <Table
        caption={t('backoffice.home.byTypeCaption')}
        columns={[{ header: t('backoffice.home.type') }, { header: t('backoffice.home.count'), numeric: true }]}
        rows={CASE_TYPES.map((type) => [t(`backoffice.caseTypes.${type}`), String(summary.counts.byType[type] ?? 0)])}
      />
    </>
  );
}
