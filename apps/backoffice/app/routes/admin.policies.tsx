import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { FORM_ERROR } from '@heard/api/errors';
import { TIMESCALE_KEYS } from '@heard/domain';
import { Button, CsrfInput, DateInput, ErrorSummary, Radios, Select, Table, TextInput, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { useDate } from '~/components/rag-tag';
import { handleAdminForm, textOf } from '~/lib/admin-form.server';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.admin.links.policies' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  return requireSignedIn(request, () => api.staff.admin.policies.list());
}

const num = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/**
 * A policy version from the form: one case type and stage's time limits (and
 * the amber window), merged into the version already recorded for that date.
 * The domain checks the result before it is saved.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const api = await getCaller(request, context);
  return handleAdminForm(request, ['effectiveFrom'], async (values, intent) => {
    if (intent === 'delete') {
      await api.staff.admin.policies.delete({ id: textOf(values, 'id') ?? '' });
      return redirect('/admin/policies');
    }
    const { versions } = await api.staff.admin.policies.list();
    const effectiveFrom = textOf(values, 'effectiveFrom') ?? '';
    const existing = (versions.find((v) => v.effectiveFrom === effectiveFrom)?.override ?? {}) as Record<string, unknown> & { timescales?: Record<string, unknown> };
    const key = textOf(values, 'timescaleKey');
    const clock = (limit: number | undefined, extra: Record<string, unknown> = {}) => (limit === undefined ? {} : { limit, ...extra });
    const stage: Record<string, unknown> = {};
    const acknowledgement = clock(num(textOf(values, 'acknowledgementDays')));
    if (Object.keys(acknowledgement).length) stage.acknowledgement = acknowledgement;
    const extended = num(textOf(values, 'extendedDays'));
    const response = clock(num(textOf(values, 'responseDays')), {
      ...(textOf(values, 'unit') ? { unit: textOf(values, 'unit') } : {}),
      ...(extended !== undefined ? { extension: { allowed: true, limit: extended } } : {}),
    });
    if (Object.keys(response).length) stage.response = response;
    const amber = num(textOf(values, 'amberWithinWorkingDays'));
    const override = {
      ...existing,
      ...(amber !== undefined ? { amberWithinWorkingDays: amber } : {}),
      ...(key && Object.keys(stage).length ? { timescales: { ...(existing.timescales ?? {}), [key]: { ...((existing.timescales?.[key] as object) ?? {}), ...stage } } } : {}),
    };
    await api.staff.admin.policies.save({ effectiveFrom, override, note: textOf(values, 'note') });
    return redirect('/admin/policies?saved=1');
  });
}

/** Timescale policy versions: what this council changes from the defaults, each from the date it takes effect. */
export default function Policies() {
  const { versions, current, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const date = useDate();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values = (result?.values ?? {}) as Record<string, string>;
  const errorPrefix = t('common.errorPrefix');
  const [year = '', month = '', day = ''] = (values.effectiveFrom ?? '').split('-');
  const describeClock = (clock: { limit: number; unit: string; extension: { allowed: boolean; limit: number } } | null | undefined) =>
    clock ? `${t(`casework.admin.policies.days.${clock.unit}`, { number: clock.limit })}${clock.extension.allowed && clock.extension.limit > clock.limit ? ` (${t('casework.admin.policies.upTo', { number: clock.extension.limit })})` : ''}` : '-';
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={Object.entries(errors).map(([field, key]) => ({ href: field === 'effectiveFrom' ? '#effectiveFrom-day' : '#timescaleKey', text: t(key, (result?.params ?? {}) as Record<string, string>) + (field === FORM_ERROR || field === 'effectiveFrom' ? '' : ` (${field})`) }))} />
      <h1 className="govuk-heading-l">{t('casework.admin.links.policies')}</h1>
      <Table
        caption={t('casework.admin.policies.current', { date: date(today), name: current.name })}
        captionSize="s"
        columns={[{ header: t('casework.admin.policies.key') }, { header: t('casework.admin.policies.acknowledgement') }, { header: t('casework.admin.policies.response') }]}
        rows={TIMESCALE_KEYS.map((key) => [t(`casework.admin.policies.keys.${key.replace('.', '_')}`), describeClock(current.timescales[key]?.acknowledgement), describeClock(current.timescales[key]?.response)])}
      />
      <p className="govuk-body">{t('casework.admin.policies.amber', { number: current.amberWithinWorkingDays })}</p>
      <h2 className="govuk-heading-m">{t('casework.admin.policies.versions')}</h2>
      {versions.length === 0 ? <p className="govuk-body">{t('casework.admin.policies.noVersions')}</p> : null}
      {versions.map((version) => (
        <div key={version.id} className="govuk-summary-card">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{t('casework.admin.policies.from', { date: date(version.effectiveFrom) })}</h3>
            <Form method="post" className="govuk-summary-card__actions">
              <CsrfInput />
              <input type="hidden" name="id" value={version.id} />
              <button type="submit" name="intent" value="delete" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                {t('casework.admin.delete')}
                <span className="govuk-visually-hidden"> {date(version.effectiveFrom)}</span>
              </button>
            </Form>
          </div>
          <div className="govuk-summary-card__content">
            <pre className="govuk-body-s heard-letter">{JSON.stringify(version.override, null, 2)}</pre>
            {version.note ? <p className="govuk-body">{version.note}</p> : null}
          </div>
        </div>
      ))}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">{t('casework.admin.policies.add')}</h2>
          <Form method="post" noValidate>
            <CsrfInput />
            <DateInput name="effectiveFrom" legend={t('casework.admin.policies.effectiveFrom')} hint={t('casework.dateHint')} error={errors.effectiveFrom ? t(errors.effectiveFrom) : undefined} errorPrefix={errorPrefix} labels={{ day: t('casework.date.day'), month: t('casework.date.month'), year: t('casework.date.year') }} defaultValue={{ day, month, year }} />
            <Select id="timescaleKey" label={t('casework.admin.policies.key')} errorPrefix={errorPrefix} emptyLabel={t('casework.notSet')} options={TIMESCALE_KEYS.map((key) => ({ value: key, label: t(`casework.admin.policies.keys.${key.replace('.', '_')}`) }))} defaultValue={values.timescaleKey ?? ''} />
            <TextInput id="acknowledgementDays" label={t('casework.admin.policies.acknowledgementDays')} errorPrefix={errorPrefix} inputMode="numeric" className="govuk-input--width-3" defaultValue={values.acknowledgementDays} />
            <TextInput id="responseDays" label={t('casework.admin.policies.responseDays')} errorPrefix={errorPrefix} inputMode="numeric" className="govuk-input--width-3" defaultValue={values.responseDays} />
            <Radios name="unit" legend={t('casework.admin.policies.unit')} errorPrefix={errorPrefix} small options={['working', 'calendar'].map((value) => ({ value, label: t(`casework.admin.policies.units.${value}`) }))} inputProps={(option) => ({ defaultChecked: values.unit === option.value })} />
            <TextInput id="extendedDays" label={t('casework.admin.policies.extendedDays')} errorPrefix={errorPrefix} inputMode="numeric" className="govuk-input--width-3" defaultValue={values.extendedDays} />
            <TextInput id="amberWithinWorkingDays" label={t('casework.admin.policies.amberDays')} errorPrefix={errorPrefix} inputMode="numeric" className="govuk-input--width-3" defaultValue={values.amberWithinWorkingDays} />
            <TextInput id="note" label={t('casework.admin.policies.note')} errorPrefix={errorPrefix} defaultValue={values.note} />
            <Button>{t('casework.admin.save')}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
