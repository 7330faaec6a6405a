import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { ZAdvocateSignInInput } from '@heard/domain';
import { Button, EnhancedForm, ErrorSummary, NotificationBanner, TextInput, useEnhancedForm, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { focusKeyOf } from '~/lib/focus-key';
import { safeReturnTo } from '~/lib/errors.server';
import { readVerifiedForm } from '~/lib/form.server';
import { sessionHeaders } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'portal.advocate.signIn.title', hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const api = await getCaller(request, context);
  const who = await api.auth.whoami();
  if (who?.kind === 'advocate') throw redirect(safeReturnTo(url.searchParams.get('returnTo'), '/advocate'));
  return { returnTo: url.searchParams.get('returnTo') ?? '/advocate', signedOut: url.searchParams.has('signedOut') };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const api = await getCaller(request, context);
  const email = String(form.get('email') ?? '');
  try {
    const session = await api.public.advocate.signIn({ email, password: String(form.get('password') ?? '') });
    return redirect(safeReturnTo(form.get('returnTo'), '/advocate'), { headers: sessionHeaders(session.token, context.secure) });
  } catch (error) {
    const failure = toFormErrors(error);
    // The password is never sent back.
    return data({ errors: failure.errors, params: failure.params, email }, { status: failure.status });
  }
}

export default function AdvocateSignIn() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const { form, onSubmit, errorKey } = useEnhancedForm(ZAdvocateSignInInput, { defaultValues: { email: result?.email ?? '' }, serverErrors: result?.errors });
  const message = (field: 'email' | 'password') => (errorKey(field) ? t(errorKey(field)!) : undefined);
  const errors = [
    ...(result?.errors[FORM_ERROR] ? [{ href: '#email', text: t(result.errors[FORM_ERROR], result.params) }] : []),
    ...(['email', 'password'] as const).flatMap((field) => (message(field) ? [{ href: `#${field}`, text: message(field)! }] : [])),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary title={t('common.errorSummaryTitle')} errors={errors} focusKey={focusKeyOf(form.formState.submitCount, result)} />
        {loaded.signedOut ? <NotificationBanner title={t('portal.track.signedOutTitle')} success heading={t('portal.advocate.signedOut')} /> : null}
        <h1 className="govuk-heading-l">{t('portal.advocate.signIn.title')}</h1>
        <p className="govuk-body">{t('portal.advocate.signIn.lead')}</p>
        <EnhancedForm onSubmit={onSubmit}>
          <input type="hidden" name="returnTo" value={loaded.returnTo} />
          <TextInput id="email" label={t('portal.advocate.fields.email')} type="email" autoComplete="username" spellCheck={false} error={message('email')} errorPrefix={t('common.errorPrefix')} defaultValue={result?.email ?? ''} {...form.register('email')} />
          <TextInput id="password" label={t('portal.advocate.fields.password')} type="password" autoComplete="current-password" error={message('password')} errorPrefix={t('common.errorPrefix')} {...form.register('password')} />
          <Button>{t('portal.advocate.signIn.submit')}</Button>
        </EnhancedForm>
        <p className="govuk-body">
          <a className="govuk-link" href="/advocate/link">
            {t('portal.advocate.signIn.linkInstead')}
          </a>
        </p>
        <h2 className="govuk-heading-m">{t('portal.advocate.signIn.newTitle')}</h2>
        <p className="govuk-body">{t('portal.advocate.signIn.newBody')}</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/advocate/register">
            {t('portal.advocate.signIn.register')}
          </a>
        </p>
      </div>
    </div>
  );
}
