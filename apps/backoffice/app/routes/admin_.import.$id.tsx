import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData, useRevalidator } from '@remix-run/react';
import { type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'reports.import.title' };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id ?? '';
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Response('Not found', { status: 404 });
  const api = await getCaller(request, context);
  const status = await requireSignedIn(request, () => api.staff.report.importStatus({ id }));
  return { status };
}

/** An import's progress while it runs (updated every second with JavaScript, by a link without), then its result. */
export default function ImportStatus() {
  const { status } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const running = status.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const percent = status.totalBytes > 0 ? Math.min(100, Math.round((100 * status.bytes) / status.totalBytes)) : 0;
  return (
    <>
      <span className="govuk-caption-l">{t('reports.import.statusCaption', { file: status.fileName })}</span>
      {running ? (
        <>
          <h1 className="govuk-heading-l">{t('reports.import.runningTitle')}</h1>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="import-progress">
              {t('reports.import.progress')}
            </label>
            <progress id="import-progress" max={100} value={percent}>
              {percent}%
            </progress>
          </div>
          <p className="govuk-body" aria-live="polite" data-testid="import-rows">
            {t('reports.import.runningBody', { rows: status.rows })}
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href={`/admin/import/${status.id}`}>
              {t('reports.import.refresh')}
            </a>
          </p>
        </>
      ) : status.status === 'succeeded' ? (
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t(status.dryRun ? 'reports.import.dryRunTitle' : 'reports.import.succeededTitle')}</h1>
          <div className="govuk-panel__body" data-testid="import-result">
            {t(status.dryRun ? 'reports.import.dryRunBody' : 'reports.import.succeededBody', { rows: status.rows, created: status.created, unchanged: status.unchanged })}
          </div>
        </div>
      ) : (
        <>
          <div className="govuk-error-summary" tabIndex={-1}>
            <div role="alert">
              <h1 className="govuk-error-summary__title">{t('reports.import.failedTitle')}</h1>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">{t('reports.import.failedBody')}</p>
                <ul className="govuk-list govuk-error-summary__list" data-testid="import-problems" aria-label={t('reports.import.problemsCaption')}>
                  {status.errors.map((problem, index) => (
                    <li key={index}>{problem.text.startsWith('reports.') ? t(problem.text) : problem.text}</li>
                  ))}
                </ul>
              </div>
            </div>
          </div>
        </>
      )}
      {running ? null : (
        <p className="govuk-body">
          <a className="govuk-link" href="/admin/import">
            {t('reports.import.another')}
          </a>
        </p>
      )}
    </>
  );
}
