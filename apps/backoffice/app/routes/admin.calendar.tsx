import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Button, CsrfInput, DateInput, ErrorSummary, Table, TextInput, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { useDate } from '~/components/rag-tag';
import { handleAdminForm, textOf } from '~/lib/admin-form.server';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.admin.links.calendar' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  return requireSignedIn(request, () => api.staff.admin.calendar.list());
}

export async function action({ request, context }: ActionFunctionArgs) {
  const api = await getCaller(request, context);
  return handleAdminForm(request, ['date'], async (values, intent) => {
    if (intent === 'delete') await api.staff.admin.calendar.delete({ date: textOf(values, 'day') ?? '' });
    else await api.staff.admin.calendar.save({ date: textOf(values, 'date') ?? '', name: textOf(values, 'name') ?? '' });
    return redirect('/admin/calendar');
  });
}

/** The council's calendar: its own closure days (not working days) beside the bank holidays. */
export default function Calendar() {
  const { closureDays, bankHolidays, calendar } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const date = useDate();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const errorPrefix = t('common.errorPrefix');
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={Object.entries(errors).map(([field, key]) => ({ href: field === 'date' ? '#date-day' : '#name', text: t(key) }))} />
      <h1 className="govuk-heading-l">{t('casework.admin.links.calendar')}</h1>
      <p className="govuk-body">{t('casework.admin.calendar.home', { calendar: t(`casework.admin.calendar.calendars.${calendar}`) })}</p>
      <Table
        caption={t('casework.admin.calendar.closures')}
        columns={[{ header: t('casework.admin.calendar.date') }, { header: t('casework.fields.name.label') }, { header: t('casework.admin.delete') }]}
        rows={closureDays.map((day) => [
          date(day.date),
          day.name,
          <Form key={day.date} method="post">
            <CsrfInput />
            <input type="hidden" name="day" value={day.date} />
            <button type="submit" name="intent" value="delete" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
              {t('casework.admin.delete')}
              <span className="govuk-visually-hidden"> {date(day.date)}</span>
            </button>
          </Form>,
        ])}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">{t('casework.admin.calendar.add')}</h2>
          <Form method="post" noValidate>
            <CsrfInput />
            <DateInput name="date" legend={t('casework.admin.calendar.date')} hint={t('casework.dateHint')} error={errors.date ? t(errors.date) : undefined} errorPrefix={errorPrefix} labels={{ day: t('casework.date.day'), month: t('casework.date.month'), year: t('casework.date.year') }} />
            <TextInput id="name" label={t('casework.fields.name.label')} error={errors.name ? t(errors.name) : undefined} errorPrefix={errorPrefix} />
            <Button>{t('casework.admin.save')}</Button>
          </Form>
        </div>
      </div>
      <Table caption={t('casework.admin.calendar.bankHolidays')} captionSize="s" columns={[{ header: t('casework.admin.calendar.date') }, { header: t('casework.fields.name.label') }]} rows={bankHolidays.map((h) => [date(h.date), i18n.language === 'cy' ? h.nameCy : h.name])} />
    </>
  );
}
