import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { ADVOCACY_REFERRAL_SOURCES } from '@heard/domain';
import { Button, CsrfInput, DateInput, ErrorSummary, Radios, Table, TextInput, Textarea, type RouteHandle } from '@heard/ui';
import { getCaller, readVerifiedForm } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { useDate } from '~/components/rag-tag';
import { readValues } from '~/lib/forms.server';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.advocacy.title' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const [referrals, me] = await requireSignedIn(request, () => Promise.all([api.staff.advocacy.list(), api.staff.me()]));
  return { referrals, canAdd: me.permissions.includes('manage:advocacy:any') };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const values = readValues(form, ['referredOn', 'consentRecordedOn']);
  const text = (name: string) => (typeof values[name] === 'string' && (values[name] as string).trim() !== '' ? (values[name] as string) : undefined);
  const api = await getCaller(request, context);
  try {
    await api.staff.advocacy.save({
      referredOn: text('referredOn') as string,
      source: text('source') as never,
      organisation: text('organisation') as string,
      advocateName: text('advocateName'),
      youngPersonName: text('youngPersonName') as string,
      caseReference: text('caseReference'),
      accepted: text('accepted') === 'yes' ? true : text('accepted') === 'no' ? false : null,
      consentRecordedOn: text('consentRecordedOn'),
      outcome: text('outcome'),
    });
    return redirect('/advocacy?saved=1');
  } catch (error) {
    const failure = toFormErrors(error);
    return data({ errors: failure.errors, values }, { status: failure.status });
  }
}

/** The advocacy referrals log: source, advocate organisation, young person, outcome. */
export default function Advocacy() {
  const { referrals, canAdd } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const date = useDate();
  const errors = result?.errors ?? {};
  const values = (result?.values ?? {}) as Record<string, string>;
  const errorPrefix = t('common.errorPrefix');
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const dateParts = (name: string) => {
    const [year = '', month = '', day = ''] = (values[name] ?? '').split('-');
    return { day, month, year };
  };
  const fields = ['referredOn', 'source', 'organisation', 'advocateName', 'youngPersonName', 'caseReference', 'accepted', 'consentRecordedOn', 'outcome'];
  return (
    <>
      <ErrorSummary
        title={t('common.errorSummaryTitle')}
        errors={[
          ...(errors[FORM_ERROR] ? [{ href: '#referredOn-day', text: t(errors[FORM_ERROR]) }] : []),
          ...fields.flatMap((name) => (errors[name] ? [{ href: `#${name.endsWith('On') ? `${name}-day` : name}`, text: t(errors[name]) }] : [])),
        ]}
      />
      <h1 className="govuk-heading-l">{t('casework.advocacy.title')}</h1>
      <Table
        caption={t('casework.advocacy.caption', { number: referrals.length })}
        columns={[
          { header: t('casework.fields.referredOn.label') },
          { header: t('casework.fields.youngPersonName.label') },
          { header: t('casework.fields.source.label') },
          { header: t('casework.fields.organisation.label') },
          { header: t('casework.fields.accepted.label') },
          { header: t('casework.fields.outcome.label') },
        ]}
        rows={referrals.map((r) => [
          date(r.referredOn),
          r.caseId ? (
            <a key={r.id} className="govuk-link" href={`/cases/${r.caseId}`}>
              {r.youngPersonName}
            </a>
          ) : (
            r.youngPersonName
          ),
          t(`casework.options.referralSource.${r.source}`),
          `${r.organisation}${r.advocateName ? ` (${r.advocateName})` : ''}`,
          r.accepted === null ? t('casework.notSet') : t(`casework.options.yesNo.${r.accepted ? 'yes' : 'no'}`),
          r.outcome ?? '',
        ])}
      />
      {canAdd ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">{t('casework.advocacy.add')}</h2>
            <Form method="post" noValidate>
              <CsrfInput />
              <DateInput name="referredOn" legend={t('casework.fields.referredOn.label')} hint={t('casework.dateHint')} error={error('referredOn')} errorPrefix={errorPrefix} labels={{ day: t('casework.date.day'), month: t('casework.date.month'), year: t('casework.date.year') }} defaultValue={dateParts('referredOn')} />
              <TextInput id="youngPersonName" label={t('casework.fields.youngPersonName.label')} error={error('youngPersonName')} errorPrefix={errorPrefix} defaultValue={values.youngPersonName} autoComplete="off" />
              <Radios name="source" legend={t('casework.fields.source.label')} error={error('source')} errorPrefix={errorPrefix} small options={ADVOCACY_REFERRAL_SOURCES.map((value) => ({ value, label: t(`casework.options.referralSource.${value}`) }))} inputProps={(option) => ({ defaultChecked: values.source === option.value })} />
              <TextInput id="organisation" label={t('casework.fields.organisation.label')} error={error('organisation')} errorPrefix={errorPrefix} defaultValue={values.organisation} />
              <TextInput id="advocateName" label={t('casework.fields.advocateName.label')} error={error('advocateName')} errorPrefix={errorPrefix} defaultValue={values.advocateName} />
              <TextInput id="caseReference" label={t('casework.fields.caseReference.label')} hint={t('casework.fields.caseReference.hint')} error={error('caseReference')} errorPrefix={errorPrefix} defaultValue={values.caseReference} spellCheck={false} />
              <Radios name="accepted" legend={t('casework.fields.accepted.label')} error={error('accepted')} errorPrefix={errorPrefix} small options={['yes', 'no'].map((value) => ({ value, label: t(`casework.options.yesNo.${value}`) }))} inputProps={(option) => ({ defaultChecked: values.accepted === option.value })} />
              <DateInput name="consentRecordedOn" legend={t('casework.fields.consentRecordedOn.label')} hint={t('casework.dateHint')} error={error('consentRecordedOn')} errorPrefix={errorPrefix} labels={{ day: t('casework.date.day'), month: t('casework.date.month'), year: t('casework.date.year') }} defaultValue={dateParts('consentRecordedOn')} />
              <Textarea id="outcome" label={t('casework.fields.outcome.label')} error={error('outcome')} errorPrefix={errorPrefix} defaultValue={values.outcome} rows={3} />
              <Button>{t('casework.advocacy.submit')}</Button>
            </Form>
          </div>
        </div>
      ) : null}
    </>
  );
}
