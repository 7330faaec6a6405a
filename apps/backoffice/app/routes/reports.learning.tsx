import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Button, ErrorSummary, SummaryList, Table, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { readReportParams, yearChoices } from '~/lib/report-params';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'reports.learning.title' };

/** The quarterly learning report: themes upheld, learning actions open and done, complainants told. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { params, errors, values } = readReportParams(url);
  const quarter = params.quarter ?? 1;
  const api = await getCaller(request, context);
  if (errors.year || errors.quarter) {
    await requireSignedIn(request, () => api.staff.me());
    return { values: { ...values, quarter: values.quarter || '1' }, errors: { year: errors.year, quarter: errors.quarter }, years: yearChoices(), learning: null };
  }
  const learning = await requireSignedIn(request, () => api.staff.report.learning({ year: params.year, quarter }));
  return { values: { ...values, quarter: String(quarter) }, errors: {}, years: yearChoices(), learning };
}

export default function LearningReport() {
  const { values, errors, years, learning } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const errorItems = Object.entries(errors)
    .filter(([, key]) => typeof key === 'string')
    .map(([field, key]) => ({ href: `#${field}`, text: t(key as string) }));
  return (
    <>
      <a className="govuk-back-link" href="/reports">
        {t('reports.links.back')}
      </a>
      <ErrorSummary title={t('reports.errors.title')} errors={errorItems} />
      <span className="govuk-caption-l">{t('reports.caption')}</span>
      <h1 className="govuk-heading-l">{t('reports.learning.title')}</h1>
      <p className="govuk-body">{t('reports.learning.intro')}</p>
      <Form method="get" action="/reports/learning">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="year">
            {t('reports.form.year')}
          </label>
          <select className="govuk-select" id="year" name="year" defaultValue={values.year}>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}-{year + 1}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="quarter">
            {t('reports.form.period')}
          </label>
          <select className="govuk-select" id="quarter" name="quarter" defaultValue={values.quarter}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t('reports.form.quarter', { quarter: q })}
              </option>
            ))}
          </select>
        </div>
        <Button preventDoubleClick={false}>{t('reports.learning.submit')}</Button>
      </Form>
      {learning ? (
        <>
          <p className="govuk-body" data-testid="learning-period">
            {learning.period.from} – {learning.period.to}
          </p>
          {learning.themes.length === 0 ? (
            <p className="govuk-body">{t('reports.learning.noThemes')}</p>
          ) : (
            <Table
              caption={t('reports.learning.themesCaption')}
              captionSize="s"
              columns={[{ header: t('reports.learning.theme') }, { header: t('reports.learning.upheld'), numeric: true }, { header: t('reports.learning.partlyUpheld'), numeric: true }]}
              rows={learning.themes.map((theme) => [theme.theme, String(theme.upheld), String(theme.partlyUpheld)])}
            />
          )}
          <h2 className="govuk-heading-m">{t('reports.learning.summary')}</h2>
          <SummaryList
            rows={[
              { key: t('reports.learning.open'), value: String(learning.counts.open) },
              { key: t('reports.learning.done'), value: String(learning.counts.done) },
              { key: t('reports.learning.told'), value: String(learning.counts.told) },
              { key: t('reports.learning.notTold'), value: String(learning.counts.notTold) },
            ]}
          />
          {learning.actions.length === 0 ? (
            <p className="govuk-body">{t('reports.learning.noActions')}</p>
          ) : (
            <Table
              caption={t('reports.learning.actionsCaption')}
              captionSize="s"
              columns={[
                { header: t('reports.learning.reference') },
                { header: t('reports.learning.action') },
                { header: t('reports.learning.owner') },
                { header: t('reports.learning.due') },
                { header: t('reports.learning.status') },
                { header: t('reports.learning.toldOn') },
              ]}
              rows={learning.actions.map((action) => [
                <a key={action.id} className="govuk-link" href={`/cases/${action.caseId}`}>
                  {action.reference}
                </a>,
                action.description,
                action.owner ?? '',
                action.dueOn ?? '',
                t(`reports.learning.statuses.${action.status}`, { defaultValue: action.status }),
                action.complainantToldOn ?? t('reports.learning.notYet'),
              ])}
            />
          )}
        </>
      ) : null}
    </>
  );
}
