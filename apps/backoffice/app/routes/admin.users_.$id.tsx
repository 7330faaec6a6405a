import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { STAFF_ROLES } from '@heard/domain';
import { Button, Checkboxes, CsrfInput, ErrorSummary, Radios, Select, TextInput, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { handleAdminForm, textOf } from '~/lib/admin-form.server';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.admin.users.edit' };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const [{ staff }, reference] = await requireSignedIn(request, () => Promise.all([api.staff.admin.users.list(), api.staff.reference.list()]));
  const person = staff.find((s) => s.id === params.id);
  if (!person) throw new Response('Not found', { status: 404 });
  return { person, divisions: reference.divisions, services: reference.services };
}

/** Name, whether the account is active, and roles (a service manager's with the division or service they manage). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const api = await getCaller(request, context);
  const userId = params.id ?? '';
  return handleAdminForm(request, [], async (values) => {
    await api.staff.admin.users.update({ userId, displayName: textOf(values, 'displayName') ?? '', active: textOf(values, 'active') !== 'no' });
    const chosen = values.roles === undefined ? [] : Array.isArray(values.roles) ? values.roles : [values.roles];
    await api.staff.admin.users.setRoles({
      userId,
      roles: chosen.map((role) => ({
        role: role as never,
        divisionId: role === 'service_manager' ? (textOf(values, 'divisionId') ?? null) : null,
        serviceId: role === 'service_manager' ? (textOf(values, 'serviceId') ?? null) : null,
      })),
    });
    return redirect('/admin/users');
  });
}

export default function UserEditor() {
  const { person, divisions, services } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const errorPrefix = t('common.errorPrefix');
  const manager = person.roles.find((r) => r.role === 'service_manager');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary title={t('common.errorSummaryTitle')} errors={Object.entries(errors).map(([field, key]) => ({ href: `#${field === '_form' ? 'displayName' : field}`, text: t(key) }))} />
        <span className="govuk-caption-l">{person.email}</span>
        <h1 className="govuk-heading-l">{t('casework.admin.users.edit')}</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput id="displayName" label={t('casework.fields.name.label')} error={errors.displayName ? t(errors.displayName) : undefined} errorPrefix={errorPrefix} defaultValue={person.displayName} />
          <Radios name="active" legend={t('casework.admin.users.active')} errorPrefix={errorPrefix} small options={['yes', 'no'].map((value) => ({ value, label: t(`casework.options.yesNo.${value}`) }))} inputProps={(option) => ({ defaultChecked: (person.active ? 'yes' : 'no') === option.value })} />
          <Checkboxes
            name="roles"
            legend={t('casework.admin.users.roles')}
            error={errors.roles ? t(errors.roles) : undefined}
            errorPrefix={errorPrefix}
            options={STAFF_ROLES.map((value) => ({ value, label: t(`casework.roles.${value}`), hint: t(`casework.admin.users.roleHints.${value}`) }))}
            inputProps={(option) => ({ defaultChecked: person.roles.some((r) => r.role === option.value) })}
          />
          <Select id="divisionId" label={t('casework.admin.users.managesDivision')} errorPrefix={errorPrefix} emptyLabel={t('casework.notSet')} options={divisions.map((d) => ({ value: d.id, label: d.name }))} defaultValue={manager?.divisionId ?? ''} />
          <Select id="serviceId" label={t('casework.admin.users.managesService')} errorPrefix={errorPrefix} emptyLabel={t('casework.notSet')} options={services.map((s) => ({ value: s.id, label: s.name }))} defaultValue={manager?.serviceId ?? ''} />
          <Button>{t('casework.admin.save')}</Button>
        </Form>
      </div>
    </div>
  );
}
