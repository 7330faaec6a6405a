import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { isIsoDate, type CellQuery } from '@heard/domain';
import { ErrorSummary, Table, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { requireSignedIn, safeReturnTo } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'reports.cases.title' };

/** The cases one figure of the report counts, as this person may see them. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const back = safeReturnTo(url.searchParams.get('back') ?? '/reports');
  const asOf = url.searchParams.get('asOf') ?? '';
  let query: CellQuery | null = null;
  try {
    query = JSON.parse(url.searchParams.get('q') ?? '') as CellQuery;
  } catch {
    query = null;
  }
  const api = await getCaller(request, context);
  if (!query || typeof query !== 'object' || !isIsoDate(asOf)) {
    await requireSignedIn(request, () => api.staff.me());
    return { back, result: null };
  }
  try {
    const result = await requireSignedIn(request, () => api.staff.report.cases({ query: query as Parameters<typeof api.staff.report.cases>[0]['query'], asOf }));
    return { back, result };
  } catch (error) {
    if (error instanceof Response) throw error;
    // A link that does not describe a figure (edited by hand, or cut short): say so, change nothing.
    return { back, result: null };
  }
}

export default function ReportCases() {
  const { back, result } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <a className="govuk-back-link" href={back}>
        {t('reports.links.back')}
      </a>
      <ErrorSummary title={t('reports.errors.title')} errors={result ? [] : [{ href: '#main-content', text: t('reports.errors.query') }]} />
      <span className="govuk-caption-l">{t('reports.caption')}</span>
      <h1 className="govuk-heading-l">{t('reports.cases.title')}</h1>
      {result ? (
        <>
          <p className="govuk-body" data-testid="case-count">
            {t('reports.cases.count', { count: result.total })}
          </p>
          {result.total > result.cases.length ? <p className="govuk-inset-text">{t('reports.cases.truncated', { limit: result.limit, count: result.total })}</p> : null}
          <Table
            caption={t('reports.cases.caption')}
            captionSize="s"
            columns={[
              { header: t('reports.cases.reference') },
              { header: t('reports.cases.type') },
              { header: t('reports.cases.stage') },
              { header: t('reports.cases.received') },
              { header: t('reports.cases.due') },
              { header: t('reports.cases.answered') },
              { header: t('reports.cases.outcome') },
              { header: t('reports.cases.timeliness') },
            ]}
            rows={
              result.cases.length === 0
                ? [[t('reports.cases.none'), '', '', '', '', '', '', '']]
                : result.cases.map((c) => [
                    <a key={c.id} className="govuk-link" href={`/cases/${c.id}`}>
                      {c.reference}
                    </a>,
                    t(`backoffice.caseTypes.${c.type}`),
                    c.stage ? t(`reports.stages.${c.stage}`) : '',
                    c.receivedOn,
                    c.dueOn ?? '',
                    c.answeredOn ?? '',
                    c.outcome ? t(`reports.outcomes.${c.outcome}`, { defaultValue: c.outcome }) : '',
                    c.timeliness ? t(c.timeliness === 'on_time' ? 'reports.cases.onTime' : 'reports.cases.late') : '',
                  ])
            }
          />
        </>
      ) : null}
    </>
  );
}
