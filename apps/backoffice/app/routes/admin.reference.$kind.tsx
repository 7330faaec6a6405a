import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { FORM_ERROR } from '@heard/api/errors';
import { Button, CsrfInput, ErrorSummary, Radios, Select, Table, TextInput, type RouteHandle } from '@heard/ui';
import { getCaller, serverT } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { handleAdminForm, textOf } from '~/lib/admin-form.server';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = {};

const KINDS = ['divisions', 'services', 'themes', 'localities'] as const;
type Kind = (typeof KINDS)[number];
const kindOf = (value: string | undefined): Kind => {
  if (!value || !(KINDS as readonly string[]).includes(value)) throw new Response('Not found', { status: 404 });
  return value as Kind;
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const kind = kindOf(params.kind);
  const api = await getCaller(request, context);
  const list = await requireSignedIn(request, () => api.staff.admin.reference.list({ kind }));
  const { t } = await serverT(request);
  const editing = new URL(request.url).searchParams.get('id');
  return { kind, ...list, editing: list.items.find((i) => i.id === editing) ?? null, pageTitle: t(`casework.admin.links.${kind}`) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const kind = kindOf(params.kind);
  const api = await getCaller(request, context);
  return handleAdminForm(request, [], async (values) => {
    await api.staff.admin.reference.save({
      kind,
      id: textOf(values, 'id'),
      name: textOf(values, 'name') ?? '',
      nameCy: textOf(values, 'nameCy'),
      active: textOf(values, 'active') !== 'no',
      divisionId: textOf(values, 'divisionId'),
      framework: textOf(values, 'framework') as never,
    });
    return redirect(`/admin/reference/${kind}`);
  });
}

/** Divisions, services, themes or localities: added, renamed (in English and Welsh) and retired, never deleted. */
export default function ReferenceAdmin() {
  const { kind, items, divisions, editing, pageTitle } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values = { ...(editing ? { name: editing.name, nameCy: editing.nameCy ?? '', active: editing.active ? 'yes' : 'no', divisionId: editing.divisionId ?? '', framework: editing.framework ?? '' } : {}), ...((result?.values ?? {}) as Record<string, string>) };
  const errorPrefix = t('common.errorPrefix');
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={Object.entries(errors).map(([field, key]) => ({ href: `#${field === FORM_ERROR ? 'name' : field}`, text: t(key) }))} />
      <h1 className="govuk-heading-l">{pageTitle}</h1>
      <Table
        caption={t('casework.admin.reference.caption', { number: items.length })}
        columns={[{ header: t('casework.fields.name.label') }, { header: t('casework.fields.nameCy.label') }, ...(kind === 'services' ? [{ header: t('casework.case.division') }, { header: t('casework.case.framework') }] : []), { header: t('casework.admin.reference.inUse') }, { header: t('casework.admin.change') }]}
        rows={items.map((item) => [
          item.name,
          item.nameCy ?? '',
          ...(kind === 'services' ? [divisions.find((d) => d.id === item.divisionId)?.name ?? '', item.framework ? t(`casework.options.framework.${item.framework}`) : ''] : []),
          t(`casework.options.yesNo.${item.active ? 'yes' : 'no'}`),
          <a key={item.id} className="govuk-link" href={`/admin/reference/${kind}?id=${item.id}`}>
            {t('casework.admin.change')}
            <span className="govuk-visually-hidden"> {item.name}</span>
          </a>,
        ])}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">{editing ? t('casework.admin.reference.edit', { name: editing.name }) : t('casework.admin.reference.add')}</h2>
          <Form method="post" noValidate>
            <CsrfInput />
            {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
            <TextInput id="name" label={t('casework.fields.name.label')} error={error('name')} errorPrefix={errorPrefix} defaultValue={values.name ?? ''} />
            <TextInput id="nameCy" label={t('casework.fields.nameCy.label')} error={error('nameCy')} errorPrefix={errorPrefix} defaultValue={values.nameCy ?? ''} />
            {kind === 'services' ? (
              <>
                <Select id="divisionId" label={t('casework.case.division')} errorPrefix={errorPrefix} error={error('divisionId')} emptyLabel={t('casework.notSet')} options={divisions.map((d) => ({ value: d.id, label: d.name }))} defaultValue={values.divisionId ?? ''} />
                <Radios name="framework" legend={t('casework.case.framework')} errorPrefix={errorPrefix} small options={['statutory', 'corporate'].map((value) => ({ value, label: t(`casework.options.framework.${value}`) }))} inputProps={(option) => ({ defaultChecked: (values.framework || 'corporate') === option.value })} />
              </>
            ) : null}
            <Radios name="active" legend={t('casework.admin.reference.inUse')} errorPrefix={errorPrefix} small options={['yes', 'no'].map((value) => ({ value, label: t(`casework.options.yesNo.${value}`) }))} inputProps={(option) => ({ defaultChecked: (values.active || 'yes') === option.value })} />
            <Button>{t('casework.admin.save')}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
