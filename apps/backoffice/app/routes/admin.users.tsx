import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Button, CsrfInput, ErrorSummary, Panel, Table, TextInput, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { handleAdminForm, textOf } from '~/lib/admin-form.server';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.admin.links.users' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  return requireSignedIn(request, () => api.staff.admin.users.list());
}

export async function action({ request, context }: ActionFunctionArgs) {
  const api = await getCaller(request, context);
  return handleAdminForm(request, [], async (values) => {
    const created = await api.staff.admin.users.create({ email: textOf(values, 'email') ?? '', displayName: textOf(values, 'displayName') ?? '', password: textOf(values, 'password') });
    return { id: created.id, totpSecret: created.totpSecret };
  });
}

/** Staff accounts and their roles. A new account's authenticator secret is shown once. */
export default function Users() {
  const { staff } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const created = result?.result as { id: string; totpSecret: string } | null | undefined;
  const errorPrefix = t('common.errorPrefix');
  return (
    <>
      <ErrorSummary title={t('common.errorSummaryTitle')} errors={Object.entries(errors).map(([field, key]) => ({ href: `#${field === '_form' ? 'email' : field}`, text: t(key) }))} />
      {created ? (
        <Panel title={t('casework.admin.users.created')}>
          {t('casework.admin.users.secret')} <code>{created.totpSecret}</code>
        </Panel>
      ) : null}
      <h1 className="govuk-heading-l">{t('casework.admin.links.users')}</h1>
      <Table
        caption={t('casework.admin.users.caption', { number: staff.length })}
        columns={[{ header: t('casework.fields.name.label') }, { header: t('casework.fields.email.label') }, { header: t('casework.admin.users.roles') }, { header: t('casework.admin.users.active') }]}
        rows={staff.map((person) => [
          <a key={person.id} className="govuk-link" href={`/admin/users/${person.id}`}>
            {person.displayName}
          </a>,
          person.email,
          person.roles.map((r) => t(`casework.roles.${r.role}`)).join(', '),
          t(`casework.options.yesNo.${person.active ? 'yes' : 'no'}`),
        ])}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">{t('casework.admin.users.add')}</h2>
          <Form method="post" noValidate>
            <CsrfInput />
            <TextInput id="displayName" label={t('casework.fields.name.label')} error={errors.displayName ? t(errors.displayName) : undefined} errorPrefix={errorPrefix} autoComplete="off" />
            <TextInput id="email" type="email" label={t('casework.fields.email.label')} error={errors.email ? t(errors.email) : undefined} errorPrefix={errorPrefix} autoComplete="off" spellCheck={false} />
            <TextInput id="password" type="password" label={t('casework.admin.users.password')} hint={t('casework.admin.users.passwordHint')} error={errors.password ? t(errors.password) : undefined} errorPrefix={errorPrefix} autoComplete="new-password" />
            <Button>{t('casework.admin.users.create')}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
