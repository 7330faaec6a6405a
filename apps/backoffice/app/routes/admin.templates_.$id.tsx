import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { FORM_ERROR } from '@heard/api/errors';
import { Button, CsrfInput, ErrorSummary, Radios, TextInput, Textarea, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { handleAdminForm, textOf } from '~/lib/admin-form.server';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.admin.templates.edit' };

const KINDS = ['acknowledgement', 'response', 'signposting', 'extension', 'clarification', 'fee_notice', 'escalation_decision', 'general'] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const list = await requireSignedIn(request, () => api.staff.admin.templates.list());
  const id = params.id ?? 'new';
  const own = list.templates.find((t) => t.id === id);
  const fromDefault = list.defaults.find((t) => t.id === id);
  if (id !== 'new' && !own && !fromDefault) throw new Response('Not found', { status: 404 });
  // A default is the starting point of the council's own template of that kind.
  const template = own ?? (fromDefault ? { ...fromDefault, id: undefined } : null);
  return { template, mergeFields: list.mergeFields };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const api = await getCaller(request, context);
  return handleAdminForm(request, [], async (values) => {
    const ownId = params.id && params.id !== 'new' && !params.id.startsWith('default-') ? params.id : undefined;
    await api.staff.admin.templates.save({
      id: ownId,
      kind: textOf(values, 'kind') as never,
      name: textOf(values, 'name') ?? '',
      subjectEn: textOf(values, 'subjectEn') ?? '',
      bodyEn: textOf(values, 'bodyEn') ?? '',
      subjectCy: textOf(values, 'subjectCy') ?? '',
      bodyCy: textOf(values, 'bodyCy') ?? '',
      active: textOf(values, 'active') !== 'no',
    });
    return redirect('/admin/templates');
  });
}

export default function TemplateEditor() {
  const { template, mergeFields } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values: Record<string, string> = { ...(template ? { kind: template.kind, name: template.name, subjectEn: template.subjectEn, bodyEn: template.bodyEn, subjectCy: template.subjectCy, bodyCy: template.bodyCy, active: template.active ? 'yes' : 'no' } : {}), ...((result?.values ?? {}) as Record<string, string>) };
  const errorPrefix = t('common.errorPrefix');
  const error = (name: string) => (errors[name] ? t(errors[name], (result?.params ?? {}) as Record<string, string>) : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary title={t('common.errorSummaryTitle')} errors={Object.entries(errors).map(([field, key]) => ({ href: `#${field === FORM_ERROR ? 'name' : field}`, text: t(key, (result?.params ?? {}) as Record<string, string>) }))} />
        <h1 className="govuk-heading-l">{t('casework.admin.templates.edit')}</h1>
        <p className="govuk-body">{t('casework.admin.templates.mergeFields', { fields: mergeFields.map((f) => `{{${f}}}`).join(', '), interpolation: { escapeValue: false, skipOnVariables: true } })}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <Radios name="kind" legend={t('casework.admin.templates.kind')} error={error('kind')} errorPrefix={errorPrefix} small options={KINDS.map((value) => ({ value, label: t(`casework.options.letterKind.${value}`) }))} inputProps={(option) => ({ defaultChecked: values.kind === option.value })} />
          <TextInput id="name" label={t('casework.fields.name.label')} error={error('name')} errorPrefix={errorPrefix} defaultValue={values.name} />
          <TextInput id="subjectEn" label={t('casework.admin.templates.subjectEn')} error={error('subjectEn')} errorPrefix={errorPrefix} defaultValue={values.subjectEn} />
          <Textarea id="bodyEn" label={t('casework.admin.templates.bodyEn')} error={error('bodyEn')} errorPrefix={errorPrefix} defaultValue={values.bodyEn} rows={10} />
          <TextInput id="subjectCy" label={t('casework.admin.templates.subjectCy')} error={error('subjectCy')} errorPrefix={errorPrefix} defaultValue={values.subjectCy} lang="cy" />
          <Textarea id="bodyCy" label={t('casework.admin.templates.bodyCy')} error={error('bodyCy')} errorPrefix={errorPrefix} defaultValue={values.bodyCy} rows={10} lang="cy" />
          <Radios name="active" legend={t('casework.admin.reference.inUse')} errorPrefix={errorPrefix} small options={['yes', 'no'].map((value) => ({ value, label: t(`casework.options.yesNo.${value}`) }))} inputProps={(option) => ({ defaultChecked: (values.active || 'yes') === option.value })} />
          <Button>{t('casework.admin.save')}</Button>
        </Form>
      </div>
    </div>
  );
}
