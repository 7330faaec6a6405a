import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { describeApiError, toFormErrors } from '@heard/api/errors';
import { CASE_STATUSES, CASE_TYPES, STAGES } from '@heard/domain';
import { Button, Checkboxes, CsrfInput, Details, ErrorSummary, Pagination, Select, Table, TextInput, type RouteHandle } from '@heard/ui';
import { getCaller, readVerifiedForm } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { RagTag, useDate } from '~/components/rag-tag';
import { requireSignedIn } from '~/lib/session.server';
import { readTrackerQuery, trackerSearch, TRACKER_RAGS, TRACKER_SORTS, type TrackerQuery } from '~/lib/tracker';

export const handle: RouteHandle = { titleKey: 'casework.tracker.title' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const query = readTrackerQuery(new URL(request.url).searchParams);
  const [reference, views, me] = await requireSignedIn(request, () => Promise.all([api.staff.reference.list(), api.staff.tracker.views.list(), api.staff.me()]));
  try {
    const page = await requireSignedIn(request, () => api.staff.tracker.list({ filters: query.filters as never, sort: query.sort, cursor: query.cursor, limit: 50 }));
    return { page, query, reference, views, me, errors: {} as Record<string, string> };
  } catch (error) {
    if (error instanceof Response) throw error;
    const described = describeApiError(error);
    if (described.status !== 400) throw error;
    return { page: null, query, reference, views, me, errors: described.fieldErrors };
  }
}

/** Saves the current filters as a named view, or deletes one. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const api = await getCaller(request, context);
  const query = readTrackerQuery(new URLSearchParams(String(form.get('search') ?? '')));
  try {
    if (form.get('intent') === 'delete') {
      await api.staff.tracker.views.delete({ viewId: String(form.get('viewId') ?? '') });
      return redirect(`/tracker?${trackerSearch(query.filters)}`);
    }
    await api.staff.tracker.views.save({ name: String(form.get('name') ?? ''), filters: query.filters as never });
    return redirect(`/tracker?${trackerSearch(query.filters, { saved: '1' })}`);
  } catch (error) {
    const failure = toFormErrors(error);
    return data({ errors: failure.errors }, { status: failure.status });
  }
}

/** Every open case in reach, filtered and sorted on the server, 50 at a time. */
export default function Tracker() {
  const { page, query, reference, views, me, errors } = useLoaderData<typeof loader>();
  const saved = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const date = useDate();
  const cy = i18n.language === 'cy';
  const named = (item: { name: string; nameCy: string | null }) => (cy && item.nameCy ? item.nameCy : item.name);
  const filters = query.filters as TrackerQuery['filters'];
  const errorPrefix = t('common.errorPrefix');
  const allErrors = { ...errors, ...(saved?.errors ?? {}) };
  const search = trackerSearch(filters, { sort: query.sort });
  const checked = (list: string[] | undefined) => (option: { value: string }) => ({ defaultChecked: (list ?? []).includes(option.value) });
  const canExport = me.permissions.some((p) => p.startsWith('export:tracker'));
  // The management team reads the tracker but not case records: references are not links for them.
  const canOpen = me.permissions.some((p) => p.startsWith('read:case'));
  return (
    <>
      <ErrorSummary
        title={t('common.errorSummaryTitle')}
        errors={Object.entries(allErrors).map(([field, key]) => ({ href: `#${field.replace('filters.', '')}`, text: t(key) }))}
      />
      <h1 className="govuk-heading-l">{t('casework.tracker.title')}</h1>
      {params.get('saved') ? <p className="govuk-body govuk-!-font-weight-bold">{t('casework.tracker.viewSaved')}</p> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Form method="get" aria-labelledby="filters-heading">
            <h2 className="govuk-heading-m" id="filters-heading">
              {t('casework.tracker.filters')}
            </h2>
            <Details summary={t('casework.tracker.typeStageStatus')}>
              <Checkboxes name="types" legend={t('casework.tracker.type')} errorPrefix={errorPrefix} small options={CASE_TYPES.map((v) => ({ value: v, label: t(`backoffice.caseTypes.${v}`) }))} inputProps={checked(filters.types)} />
              <Checkboxes name="stages" legend={t('casework.tracker.stage')} errorPrefix={errorPrefix} small options={STAGES.map((v) => ({ value: v, label: t(`stage.${v}`) }))} inputProps={checked(filters.stages)} />
              <Checkboxes name="statuses" legend={t('casework.tracker.status')} errorPrefix={errorPrefix} small options={CASE_STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) }))} inputProps={checked(filters.statuses)} />
            </Details>
            <Select id="divisionId" label={t('casework.tracker.division')} errorPrefix={errorPrefix} emptyLabel={t('casework.tracker.any')} options={reference.divisions.map((d) => ({ value: d.id, label: named(d) }))} defaultValue={filters.divisionId ?? ''} />
            <Select id="serviceId" label={t('casework.tracker.service')} errorPrefix={errorPrefix} emptyLabel={t('casework.tracker.any')} options={reference.services.map((s) => ({ value: s.id, label: named(s) }))} defaultValue={filters.serviceId ?? ''} />
            <Select
              id="owner"
              label={t('casework.tracker.owner')}
              errorPrefix={errorPrefix}
              emptyLabel={t('casework.tracker.anyone')}
              options={[{ value: 'me', label: t('casework.tracker.me') }, { value: 'unassigned', label: t('casework.tracker.unassigned') }, ...reference.staff.map((s) => ({ value: s.id, label: s.displayName }))]}
              defaultValue={filters.owner ?? ''}
            />
            <TextInput
              id="dueWithinDays"
              label={t('casework.tracker.dueWithin')}
              hint={t('casework.tracker.dueWithinHint')}
              error={allErrors['filters.dueWithinDays'] ? t(allErrors['filters.dueWithinDays']) : undefined}
              errorPrefix={errorPrefix}
              inputMode="numeric"
              className="govuk-input--width-3"
              defaultValue={params.get('dueWithinDays') ?? ''}
            />
            <Checkboxes name="overdue" legend={t('casework.tracker.overdueLegend')} errorPrefix={errorPrefix} small options={[{ value: 'yes', label: t('casework.tracker.overdueOnly') }]} inputProps={() => ({ defaultChecked: Boolean(filters.overdue) })} />
            <Select id="rag" label={t('casework.tracker.rag')} errorPrefix={errorPrefix} emptyLabel={t('casework.tracker.any')} options={TRACKER_RAGS.map((r) => ({ value: r, label: t(`casework.rag.${r}`) }))} defaultValue={filters.rag ?? ''} />
            <Select id="sort" label={t('casework.tracker.sort')} errorPrefix={errorPrefix} options={TRACKER_SORTS.map((s) => ({ value: s, label: t(`casework.tracker.sorts.${s}`) }))} defaultValue={query.sort} />
            <Button>{t('casework.tracker.apply')}</Button>
          </Form>
          <h2 className="govuk-heading-m">{t('casework.tracker.savedViews')}</h2>
          {views.length > 0 ? (
            <ul className="govuk-list">
              {views.map((view) => (
                <li key={view.id}>
                  <a className="govuk-link" href={`/tracker?${trackerSearch(view.filters as TrackerQuery['filters'])}`}>
                    {view.name}
                  </a>
                  <Form method="post" className="govuk-!-display-inline-block govuk-!-margin-left-2">
                    <CsrfInput />
                    <input type="hidden" name="viewId" value={view.id} />
                    <input type="hidden" name="search" value={search} />
                    <button type="submit" name="intent" value="delete" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                      {t('casework.tracker.deleteView')}
                      <span className="govuk-visually-hidden"> {view.name}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">{t('casework.tracker.noViews')}</p>
          )}
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="search" value={search} />
            <TextInput id="name" label={t('casework.tracker.viewName')} error={saved?.errors.name ? t(saved.errors.name) : undefined} errorPrefix={errorPrefix} />
            <Button secondary>{t('casework.tracker.saveView')}</Button>
          </Form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          {canExport ? (
            <p className="govuk-body">
              <a className="govuk-link" href={`/tracker/export?${search}`} download>
                {t('casework.tracker.export')}
              </a>
            </p>
          ) : null}
          {page ? (
            <>
              <Table
                caption={t('casework.tracker.caption', { number: page.rows.length })}
                columns={[
                  { header: t('casework.tracker.reference') },
                  { header: t('casework.tracker.type') },
                  { header: t('casework.tracker.stage') },
                  { header: t('casework.tracker.owner') },
                  { header: t('casework.tracker.due') },
                  { header: t('casework.tracker.rag') },
                ]}
                rows={page.rows.map((row) => [
                  canOpen ? (
                    <a key={row.id} className="govuk-link" href={`/cases/${row.id}`}>
                      {row.reference}
                    </a>
                  ) : (
                    row.reference
                  ),
                  t(`backoffice.caseTypes.${row.type}`),
                  row.stage ? t(`stage.${row.stage}`) : '',
                  row.ownerName ?? t('casework.tracker.unassigned'),
                  row.dueOn ? date(row.dueOn) : '',
                  <RagTag key={`${row.id}-rag`} rag={row.rag} />,
                ])}
              />
              {page.rows.length === 0 ? <p className="govuk-body">{t('casework.tracker.none')}</p> : null}
              <Pagination
                nextHref={page.nextCursor ? `/tracker?${trackerSearch(filters, { sort: query.sort, cursor: page.nextCursor })}` : null}
                firstHref={query.cursor ? `/tracker?${search}` : null}
                labels={{ next: t('casework.pagination.next'), first: t('casework.pagination.first'), navigation: t('casework.pagination.label') }}
              />
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
