import type { ActionFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { ZAdvocateRegisterInput } from '@heard/domain';
import { BackLink, Button, EnhancedForm, ErrorSummary, TextInput, useEnhancedForm, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { focusKeyOf } from '~/lib/focus-key';
import { readVerifiedForm } from '~/lib/form.server';
import { sessionHeaders } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'portal.advocate.register.title', hydrate: true };

const FIELDS = ['fullName', 'organisation', 'email', 'password', 'confirmPassword'] as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const api = await getCaller(request, context);
  const input = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? '')])) as Record<(typeof FIELDS)[number], string>;
  try {
    const session = await api.public.advocate.register(input);
    return redirect('/advocate', { headers: sessionHeaders(session.token, context.secure) });
  } catch (error) {
    const failure = toFormErrors(error);
    return data({ errors: failure.errors, params: failure.params, values: { fullName: input.fullName, organisation: input.organisation, email: input.email } }, { status: failure.status });
  }
}

export default function AdvocateRegister() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const { form, onSubmit, errorKey } = useEnhancedForm(ZAdvocateRegisterInput, { defaultValues: result?.values ?? {}, serverErrors: result?.errors });
  const message = (field: (typeof FIELDS)[number]) => (errorKey(field) ? t(errorKey(field)!, { max: field === 'organisation' ? 200 : 100 }) : undefined);
  const errors = [
    ...(result?.errors[FORM_ERROR] ? [{ href: '#fullName', text: t(result.errors[FORM_ERROR], result.params) }] : []),
    ...FIELDS.flatMap((field) => (message(field) ? [{ href: `#${field}`, text: message(field)! }] : [])),
  ];
  const input = (field: (typeof FIELDS)[number], extra: Record<string, unknown>) => (
    <TextInput
      id={field}
      label={t(`portal.advocate.fields.${field}`)}
      hint={field === 'password' ? t('portal.advocate.register.passwordHint') : undefined}
      error={message(field)}
      errorPrefix={t('common.errorPrefix')}
      defaultValue={field === 'password' || field === 'confirmPassword' ? undefined : (result?.values?.[field] ?? '')}
      {...extra}
      {...form.register(field)}
    />
  );
  return (
    <>
      <BackLink href="/advocate/sign-in">{t('common.back')}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={t('common.errorSummaryTitle')} errors={errors} focusKey={focusKeyOf(form.formState.submitCount, result)} />
          <h1 className="govuk-heading-l">{t('portal.advocate.register.title')}</h1>
          <p className="govuk-body">{t('portal.advocate.register.lead')}</p>
          <EnhancedForm onSubmit={onSubmit}>
            {input('fullName', { autoComplete: 'name', spellCheck: false })}
            {input('organisation', { autoComplete: 'organization' })}
            {input('email', { type: 'email', autoComplete: 'email', spellCheck: false })}
            {input('password', { type: 'password', autoComplete: 'new-password' })}
            {input('confirmPassword', { type: 'password', autoComplete: 'new-password' })}
            <Button>{t('portal.advocate.register.submit')}</Button>
          </EnhancedForm>
        </div>
      </div>
    </>
  );
}
