import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { CASE_TYPES } from '@heard/domain';
import { Button, CsrfInput, DateInput, ErrorSummary, Radios, TextInput, Textarea, type RouteHandle } from '@heard/ui';
import { getCaller, readVerifiedForm } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { readValues } from '~/lib/forms.server';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.create.title' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const me = await requireSignedIn(request, () => api.staff.me());
  if (!me.permissions.includes('create:case:any')) throw new Response('Forbidden', { status: 403 });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const values = readValues(form, ['receivedOn']);
  const api = await getCaller(request, context);
  const text = (name: string) => (typeof values[name] === 'string' && (values[name] as string).trim() !== '' ? (values[name] as string) : undefined);
  try {
    const created = await api.staff.case.create({
      type: text('type') as never,
      framework: text('framework') as never,
      channel: text('channel') as never,
      receivedOn: text('receivedOn') as string,
      summary: text('summary') as string,
      details: text('details') as string,
      language: (text('language') ?? 'en') as 'en' | 'cy',
      name: text('name') as string,
      email: text('email'),
      phone: text('phone'),
      address: text('address'),
      contactPreference: text('contactPreference') as never,
    });
    return redirect(`/cases/${created.caseId}?done=create`);
  } catch (error) {
    const failure = toFormErrors(error);
    return data({ errors: failure.errors, values }, { status: failure.status });
  }
}

const FIELDS = ['type', 'framework', 'channel', 'receivedOn', 'summary', 'details', 'name', 'email', 'phone', 'address', 'contactPreference', 'language'] as const;

/** A case that came by phone, letter, email, in person or through a councillor: it joins the triage queue. */
export default function NewCase() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = result?.errors ?? {};
  const values = (result?.values ?? {}) as Record<string, string>;
  const errorPrefix = t('common.errorPrefix');
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const radios = (name: string, options: readonly string[], labels: string) => (
    <Radios
      name={name}
      legend={t(`casework.fields.${name}.label`)}
      error={error(name)}
      errorPrefix={errorPrefix}
      small={options.length > 4}
      options={options.map((value) => ({ value, label: t(`${labels}.${value}`) }))}
      inputProps={(option) => ({ defaultChecked: values[name] === option.value })}
    />
  );
  const [year = '', month = '', day = ''] = (values.receivedOn ?? '').split('-');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary
          title={t('common.errorSummaryTitle')}
          errors={[
            ...(errors[FORM_ERROR] ? [{ href: '#type', text: t(errors[FORM_ERROR]) }] : []),
            ...FIELDS.flatMap((name) => (errors[name] ? [{ href: `#${name === 'receivedOn' ? 'receivedOn-day' : name}`, text: t(errors[name]) }] : [])),
          ]}
        />
        <h1 className="govuk-heading-l">{t('casework.create.title')}</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          {radios('type', CASE_TYPES, 'backoffice.caseTypes')}
          {radios('framework', ['statutory', 'corporate'], 'casework.options.framework')}
          {radios('channel', ['phone', 'letter', 'email', 'in_person', 'member'], 'casework.options.channel')}
          <DateInput
            name="receivedOn"
            legend={t('casework.fields.receivedOn.label')}
            hint={t('casework.dateHint')}
            error={error('receivedOn')}
            errorPrefix={errorPrefix}
            labels={{ day: t('casework.date.day'), month: t('casework.date.month'), year: t('casework.date.year') }}
            defaultValue={{ day, month, year }}
          />
          <TextInput id="summary" label={t('casework.fields.summary.label')} error={error('summary')} errorPrefix={errorPrefix} defaultValue={values.summary} />
          <Textarea id="details" label={t('casework.fields.details.label')} error={error('details')} errorPrefix={errorPrefix} defaultValue={values.details} />
          <h2 className="govuk-heading-m">{t('casework.create.person')}</h2>
          <TextInput id="name" label={t('casework.fields.name.label')} error={error('name')} errorPrefix={errorPrefix} defaultValue={values.name} autoComplete="off" />
          <TextInput id="email" type="email" label={t('casework.fields.email.label')} error={error('email')} errorPrefix={errorPrefix} defaultValue={values.email} spellCheck={false} autoComplete="off" />
          <TextInput id="phone" type="tel" label={t('casework.fields.phone.label')} error={error('phone')} errorPrefix={errorPrefix} defaultValue={values.phone} autoComplete="off" />
          <Textarea id="address" label={t('casework.fields.address.label')} error={error('address')} errorPrefix={errorPrefix} defaultValue={values.address} rows={3} />
          {radios('contactPreference', ['email', 'phone', 'post', 'text'], 'casework.options.contactPreference')}
          {radios('language', ['en', 'cy'], 'casework.options.language')}
          <Button>{t('casework.create.submit')}</Button>
        </Form>
      </div>
    </div>
  );
}
