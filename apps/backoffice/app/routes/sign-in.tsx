import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { sessionCookie } from '@heard/api/session-cookie';
import { ZStaffSignInInput } from '@heard/domain';
import { Button, CsrfInput, EnhancedForm, ErrorSummary, NotificationBanner, TextInput, useEnhancedForm, type RouteHandle } from '@heard/ui';
import { getCaller, readVerifiedForm } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { safeReturnTo } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'auth.signIn.title' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const [user, sso] = await Promise.all([api.auth.whoami(), api.auth.oidc.available()]);
  if (user?.kind === 'staff' && !user.pendingSecondFactor) throw redirect('/');
  return { sso: sso.enabled };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const api = await getCaller(request, context);
  const email = String(form.get('email') ?? '');
  const returnTo = safeReturnTo(form.get('returnTo'));
  try {
    const result = await api.auth.staff.signIn({ email, password: String(form.get('password') ?? '') });
    return redirect(`/sign-in/code?returnTo=${encodeURIComponent(returnTo)}`, {
      headers: { 'Set-Cookie': sessionCookie(result.token, { secure: context.secure }) },
    });
  } catch (error) {
    const failure = toFormErrors(error);
    // The password is never sent back; the email is, so it need not be typed again.
    return data({ errors: failure.errors, params: failure.params, values: { email } }, { status: failure.status });
  }
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const loaded = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const { form, onSubmit, errorKey } = useEnhancedForm(ZStaffSignInInput, {
    defaultValues: { email: result?.values.email ?? '' },
    serverErrors: result?.errors,
  });
  const fields = ['email', 'password'] as const;
  const errors = [
    ...(result?.errors[FORM_ERROR] ? [{ href: '#email', text: t(result.errors[FORM_ERROR], result.params) }] : []),
    ...fields.flatMap((field) => {
      const key = errorKey(field);
      return key ? [{ href: `#${field}`, text: t(key) }] : [];
    }),
  ];
  const message = (field: (typeof fields)[number]) => {
    const key = errorKey(field);
    return key ? t(key) : undefined;
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {params.get('signedOut') ? <NotificationBanner title={t('auth.signedOut')} success heading={t('auth.signedOut')} /> : null}
        <ErrorSummary title={t('common.errorSummaryTitle')} errors={errors} />
        <h1 className="govuk-heading-l">{t('auth.signIn.title')}</h1>
        <EnhancedForm onSubmit={onSubmit}>
          <input type="hidden" name="returnTo" value={params.get('returnTo') ?? '/'} />
          <TextInput
            id="email"
            label={t('auth.signIn.email')}
            error={message('email')}
            errorPrefix={t('common.errorPrefix')}
            type="email"
            autoComplete="username"
            spellCheck={false}
            {...form.register('email')}
          />
          <TextInput
            id="password"
            label={t('auth.signIn.password')}
            error={message('password')}
            errorPrefix={t('common.errorPrefix')}
            type="password"
            autoComplete="current-password"
            {...form.register('password')}
          />
          <Button>{t('auth.signIn.submit')}</Button>
        </EnhancedForm>
        {loaded?.sso ? (
          <Form method="post" action="/sign-in/sso">
            <CsrfInput />
            <input type="hidden" name="returnTo" value={params.get('returnTo') ?? '/'} />
            <h2 className="govuk-heading-m">{t('casework.sso.heading')}</h2>
            <Button secondary>{t('casework.sso.button')}</Button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
