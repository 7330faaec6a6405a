import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { Button, CsrfInput, ErrorSummary, NotificationBanner, Pagination, Select, type RouteHandle } from '@heard/ui';
import { getCaller, readVerifiedForm } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { RagTag, useDate } from '~/components/rag-tag';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.triage.title' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const cursor = new URL(request.url).searchParams.get('cursor');
  const [queue, reference] = await requireSignedIn(request, () => Promise.all([api.staff.triage.queue({ cursor }), api.staff.reference.list()]));
  return { queue, staff: reference.staff, cursor };
}

/** Bulk assign: the ticked cases to one officer, all or none. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const api = await getCaller(request, context);
  try {
    const result = await api.staff.triage.bulkAssign({ caseIds: form.getAll('caseIds').map(String), officerId: String(form.get('officerId') ?? '') });
    return redirect(`/triage?assigned=${result.assigned}`);
  } catch (error) {
    const failure = toFormErrors(error);
    return data({ errors: failure.errors, params: failure.params }, { status: failure.status });
  }
}

/** New items from the portal and staff entry, oldest first. */
export default function Triage() {
  const { queue, staff, cursor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const date = useDate();
  const errors = result?.errors ?? {};
  const reason = result?.params?.reason ? t(String(result.params.reason), result.params) : '';
  const message = (key: string | undefined) => (key ? t(key, { ...(result?.params ?? {}), reason }) : undefined);
  const summary = [
    ...(errors[FORM_ERROR] ? [{ href: '#officerId', text: message(errors[FORM_ERROR]) as string }] : []),
    ...(errors.caseIds ? [{ href: '#queue', text: message(errors.caseIds) as string }] : []),
    ...(errors.officerId ? [{ href: '#officerId', text: message(errors.officerId) as string }] : []),
  ];
  return (
    <>
      {params.get('assigned') ? <NotificationBanner success title={t('casework.case.saved')} heading={t('casework.triage.assigned', { number: Number(params.get('assigned')) })} /> : null}
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={summary} />
      <h1 className="govuk-heading-l">{t('casework.triage.title')}</h1>
      <p className="govuk-body">
        <a className="govuk-link" href="/cases/new">
          {t('casework.triage.enterCase')}
        </a>
      </p>
      {queue.rows.length === 0 ? (
        <p className="govuk-body">{t('casework.triage.empty')}</p>
      ) : (
        <Form method="post" noValidate>
          <CsrfInput />
          <div className="govuk-form-group" id="queue">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t('casework.triage.select')}</legend>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">{t('casework.triage.caption', { number: queue.rows.length })}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      {t('casework.triage.choose')}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t('casework.tracker.reference')}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t('casework.tracker.type')}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t('casework.triage.received')}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t('casework.tracker.due')}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t('casework.tracker.rag')}
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {queue.rows.map((row) => (
                    <tr key={row.id} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                          <div className="govuk-checkboxes__item">
                            <input className="govuk-checkboxes__input" id={`case-${row.id}`} name="caseIds" type="checkbox" value={row.id} />
                            <label className="govuk-label govuk-checkboxes__label" htmlFor={`case-${row.id}`}>
                              <span className="govuk-visually-hidden">{t('casework.triage.selectCase', { reference: row.reference })}</span>
                            </label>
                          </div>
                        </div>
                      </td>
                      <td className="govuk-table__cell">
                        <a className="govuk-link" href={`/cases/${row.id}`}>
                          {row.reference}
                        </a>
                      </td>
                      <td className="govuk-table__cell">{t(`backoffice.caseTypes.${row.type}`)}</td>
                      <td className="govuk-table__cell">{date(row.receivedOn)}</td>
                      <td className="govuk-table__cell">{row.dueOn ? date(row.dueOn) : ''}</td>
                      <td className="govuk-table__cell">
                        <RagTag rag={row.rag} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </fieldset>
          </div>
          <Select id="officerId" label={t('casework.triage.assignTo')} errorPrefix={t('common.errorPrefix')} emptyLabel={t('casework.choose')} options={staff.map((s) => ({ value: s.id, label: s.displayName }))} />
          <Button>{t('casework.triage.assignSelected')}</Button>
        </Form>
      )}
      <Pagination
        nextHref={queue.nextCursor ? `/triage?cursor=${encodeURIComponent(queue.nextCursor)}` : null}
        firstHref={cursor ? '/triage' : null}
        labels={{ next: t('casework.pagination.next'), first: t('casework.pagination.first'), navigation: t('casework.pagination.label') }}
      />
    </>
  );
}
