import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { REPORT_SECTIONS, type CellQuery, type ReportTable } from '@heard/domain';
import { Button, ErrorSummary, Table, TextInput, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { BarChart, HorizontalBarChart } from '~/components/report-charts';
import { drillDownHref, readReportParams, yearChoices } from '~/lib/report-params';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'reports.title' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { params, errors, values } = readReportParams(url);
  const api = await getCaller(request, context);
  const me = await requireSignedIn(request, () => api.staff.me());
  const canImport = me.permissions.includes('import:case:any');
  if (Object.keys(errors).length > 0) return { values, errors, canImport, years: yearChoices(), built: null, back: url.pathname + url.search };
  const built = await requireSignedIn(request, () =>
    params.quarter === null
      ? api.staff.report.annual({ year: params.year, ...(params.asOf ? { asOf: params.asOf } : {}) })
      : api.staff.report.quarterly({ year: params.year, quarter: params.quarter, ...(params.asOf ? { asOf: params.asOf } : {}) }),
  );
  const scoped = !me.permissions.includes('read:report:any');
  return { values, errors, canImport, years: yearChoices(), built, scoped, back: url.pathname + url.search };
}

type Built = NonNullable<Awaited<ReturnType<typeof loader>>['built']>;

const isNumberCell = (cell: string) => /^\d+$/.test(cell) || /^\d+% \(\d+\/\d+\)$/.test(cell) || cell === '0';

function ReportTableView({ table, queries, asOf, back }: { table: ReportTable; queries: (CellQuery | null)[][]; asOf: string; back: string }) {
  const { t } = useTranslation();
  const numeric = table.columns.map((_, c) => c > 0 && table.rows.length > 0 && table.rows.every((row) => isNumberCell(row[c] ?? '') || row[c] === '' || /%$/.test(row[c] ?? '')));
  return (
    <Table
      caption={t(`reports.tables.${table.id}`)}
      captionSize="s"
      columns={table.columns.map((header, c) => ({ header, numeric: numeric[c] }))}
      rows={
        table.rows.length === 0
          ? [[t('reports.noRows'), ...table.columns.slice(1).map(() => '')]]
          : table.rows.map((row, r) =>
              row.map((cell, c) => {
                const query = queries[r]?.[c];
                if (!query) return cell;
                return (
                  <a className="govuk-link" href={drillDownHref(query, asOf, back)}>
                    {cell}
                    <span className="govuk-visually-hidden"> ({t('reports.cellContext', { row: row[0], column: table.columns[c] })})</span>
                  </a>
                );
              }),
            )
      }
    />
  );
}

/** The charts of a section, from the tables already computed (contracts.md: by month, by theme, by outcome; the issue adds service and timeliness). */
function SectionCharts({ section, built }: { section: string; built: Built }) {
  const { t } = useTranslation();
  const table = (id: string) => built.report.tables.find((x) => x.id === id)!;
  const count = (cell: string | undefined) => (cell && /^\d+$/.test(cell) ? Number(cell) : 0);
  if (section === 'summary') {
    const months = table('cases-by-month');
    const rows = months.rows.filter((r) => r[0] !== 'Total');
    return (
      <BarChart
        id="chart-by-month"
        caption={t('reports.charts.byMonth')}
        categoryHeading={t('reports.charts.month')}
        categories={rows.map((r) => r[0]!)}
        series={months.columns.slice(1, -1).map((name, c) => ({ name, values: rows.map((r) => count(r[c + 1])) }))}
      />
    );
  }
  if (section === 'stage1') {
    const stage1 = table('stage1-outcomes');
    const stage2 = table('stage2-outcomes');
    const findings = ['Not upheld', 'Partly upheld', 'Upheld'];
    const themes = table('stage1-theme-outcome').rows.filter((r) => r[0] !== 'Total');
    const services = table('service-theme');
    const onTime = table('on-time-by-quarter');
    const percent = (cell: string | undefined) => Number(/^(\d+)%/.exec(cell ?? '')?.[1] ?? 0);
    return (
      <>
        <BarChart
          id="chart-outcomes"
          mode="grouped"
          caption={t('reports.charts.outcomes')}
          categoryHeading={t('reports.charts.outcome')}
          categories={findings}
          series={[
            { name: t('reports.charts.stage1'), values: findings.map((f) => count(stage1.rows.find((r) => r[0] === f)?.[3])) },
            { name: t('reports.charts.stage2'), values: findings.map((f) => count(stage2.rows.find((r) => r[0] === f)?.[3])) },
          ]}
        />
        {themes.length > 0 ? (
          <HorizontalBarChart
            id="chart-by-theme"
            caption={t('reports.charts.byTheme')}
            categoryHeading={t('reports.charts.theme')}
            valueHeading={t('reports.charts.complaints')}
            categories={themes.map((r) => r[0]!)}
            values={themes.map((r) => count(r[4]))}
          />
        ) : null}
        {services.rows.length > 0 ? (
          <HorizontalBarChart
            id="chart-by-service"
            caption={t('reports.charts.byService')}
            categoryHeading={t('reports.charts.service')}
            valueHeading={t('reports.charts.complaints')}
            categories={services.rows.map((r) => r[0]!)}
            values={services.rows.map((r) => r.slice(1).reduce((sum, cell) => sum + count(cell), 0))}
          />
        ) : null}
        <BarChart
          id="chart-timeliness"
          mode="grouped"
          percent
          caption={t('reports.charts.timeliness')}
          categoryHeading={t('reports.charts.quarter')}
          categories={onTime.rows.map((r) => r[0]!)}
          series={onTime.columns.slice(1).map((name, c) => ({ name, values: onTime.rows.map((r) => percent(r[c + 1])) }))}
        />
      </>
    );
  }
  return null;
}

/** Reports: choose a year or quarter and the date of the figures; every table, charts, and a link from every number to its cases. */
export default function Reports() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const errorItems = Object.entries(data.errors).map(([field, key]) => ({ href: `#${field}`, text: t(key as string) }));
  const built = data.built;
  const learningHref = `/reports/learning?year=${encodeURIComponent(data.values.year ?? '')}&quarter=${encodeURIComponent(data.values.quarter || '1')}`;
  return (
    <>
      <ErrorSummary title={t('reports.errors.title')} errors={errorItems} />
      <span className="govuk-caption-l">{t('reports.caption')}</span>
      <h1 className="govuk-heading-l">{t('reports.title')}</h1>
      <p className="govuk-body">{t('reports.intro')}</p>
      <Form method="get" action="/reports" className="heard-report-form">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t('reports.form.legend')}</legend>
          <div className={`govuk-form-group${data.errors.year ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="year">
              {t('reports.form.year')}
            </label>
            <div id="year-hint" className="govuk-hint">
              {t('reports.form.yearHint')}
            </div>
            {data.errors.year ? (
              <p id="year-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">{t('common.errorPrefix')}</span> {t(data.errors.year)}
              </p>
            ) : null}
            <select className="govuk-select" id="year" name="year" defaultValue={data.values.year} aria-describedby={data.errors.year ? 'year-hint year-error' : 'year-hint'}>
              {data.years.map((year) => (
                <option key={year} value={year}>
                  {year}-{year + 1}
                </option>
              ))}
            </select>
          </div>
          <div className={`govuk-form-group${data.errors.quarter ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="quarter">
              {t('reports.form.period')}
            </label>
            {data.errors.quarter ? (
              <p id="quarter-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">{t('common.errorPrefix')}</span> {t(data.errors.quarter)}
              </p>
            ) : null}
            <select className="govuk-select" id="quarter" name="quarter" defaultValue={data.values.quarter} aria-describedby={data.errors.quarter ? 'quarter-error' : undefined}>
              <option value="">{t('reports.form.wholeYear')}</option>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t('reports.form.quarter', { quarter: q })}
                </option>
              ))}
            </select>
          </div>
          <TextInput
            id="asOf"
            name="asOf"
            label={t('reports.form.asOf')}
            hint={t('reports.form.asOfHint')}
            defaultValue={data.values.asOf}
            error={data.errors.asOf ? t(data.errors.asOf) : undefined}
            errorPrefix={t('common.errorPrefix')}
            className="govuk-input--width-10"
            autoComplete="off"
          />
          <Button preventDoubleClick={false}>{t('reports.form.submit')}</Button>
        </fieldset>
      </Form>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={learningHref}>
            {t('reports.links.learning')}
          </a>
        </li>
        {data.canImport ? (
          <li>
            <a className="govuk-link" href="/admin/import">
              {t('reports.links.import')}
            </a>
          </li>
        ) : null}
      </ul>
      {built ? (
        <>
          <h2 className="govuk-heading-l" id="report">
            {t(built.report.report === 'annual' ? 'reports.annualHeading' : 'reports.quarterlyHeading', { label: built.report.period.label })}
          </h2>
          <p className="govuk-body" data-testid="as-of">
            {t('reports.asOfLine', { from: built.report.period.from, to: built.report.period.to, asOf: built.report.asOf })}
          </p>
          {data.scoped ? <p className="govuk-inset-text">{t('reports.scopeNote')}</p> : null}
          <nav aria-labelledby="contents-heading">
            <h2 className="govuk-heading-s" id="contents-heading">
              {t('reports.contents')}
            </h2>
            <ol className="govuk-list govuk-list--number">
              {REPORT_SECTIONS.map((section) => (
                <li key={section.id}>
                  <a className="govuk-link" href={`#section-${section.id}`}>
                    {t(`reports.sections.${section.id}`)}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          {REPORT_SECTIONS.map((section, index) => (
            <section key={section.id} aria-labelledby={`section-${section.id}`}>
              <h2 className="govuk-heading-m" id={`section-${section.id}`}>
                {index + 1}. {t(`reports.sections.${section.id}`)}
              </h2>
              {section.tables.map((id) => {
                const table = built.report.tables.find((x) => x.id === id);
                return table ? <ReportTableView key={id} table={table} queries={built.drillDown[id] ?? []} asOf={built.report.asOf} back={data.back} /> : null;
              })}
              <SectionCharts section={section.id} built={built} />
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
