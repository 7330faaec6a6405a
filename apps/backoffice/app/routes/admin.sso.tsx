import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { Button, CsrfInput, ErrorSummary, NotificationBanner, Radios, TextInput, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { handleAdminForm, textOf } from '~/lib/admin-form.server';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.admin.links.sso' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const settings = await requireSignedIn(request, () => api.staff.admin.sso.get());
  return { settings, callbackUrl: `${new URL(request.url).origin}/sign-in/sso/callback` };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const api = await getCaller(request, context);
  return handleAdminForm(request, [], async (values) => {
    await api.staff.admin.sso.save({ enabled: textOf(values, 'enabled') === 'yes', issuer: textOf(values, 'issuer') ?? '', clientId: textOf(values, 'clientId') ?? '', clientSecret: textOf(values, 'clientSecret') });
    return redirect('/admin/sso?saved=1');
  });
}

/** Single sign-on by OpenID Connect: the council's provider, switched on or off. */
export default function SingleSignOn() {
  const { settings, callbackUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const errorPrefix = t('common.errorPrefix');
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {params.get('saved') ? <NotificationBanner success title={t('casework.case.saved')} heading={t('casework.admin.sso.saved')} /> : null}
        <ErrorSummary title={t('common.errorSummaryTitle')} errors={Object.entries(errors).map(([field, key]) => ({ href: `#${field === '_form' ? 'issuer' : field}`, text: t(key) }))} />
        <h1 className="govuk-heading-l">{t('casework.admin.links.sso')}</h1>
        <p className="govuk-body">{t('casework.admin.sso.intro', { url: callbackUrl })}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <Radios name="enabled" legend={t('casework.admin.sso.enabled')} errorPrefix={errorPrefix} small options={['yes', 'no'].map((value) => ({ value, label: t(`casework.options.yesNo.${value}`) }))} inputProps={(option) => ({ defaultChecked: (settings?.enabled ? 'yes' : 'no') === option.value })} />
          <TextInput id="issuer" label={t('casework.admin.sso.issuer')} hint={t('casework.admin.sso.issuerHint')} error={error('issuer')} errorPrefix={errorPrefix} defaultValue={settings?.issuer ?? ''} spellCheck={false} />
          <TextInput id="clientId" label={t('casework.admin.sso.clientId')} error={error('clientId')} errorPrefix={errorPrefix} defaultValue={settings?.clientId ?? ''} spellCheck={false} />
          <TextInput id="clientSecret" type="password" label={t('casework.admin.sso.clientSecret')} hint={settings?.hasSecret ? t('casework.admin.sso.secretKept') : undefined} error={error('clientSecret')} errorPrefix={errorPrefix} autoComplete="off" />
          <Button>{t('casework.admin.save')}</Button>
        </Form>
      </div>
    </div>
  );
}
