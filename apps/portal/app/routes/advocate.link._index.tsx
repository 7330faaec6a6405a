import type { ActionFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { ZMagicLinkRequest } from '@heard/domain';
import { BackLink, Button, EnhancedForm, ErrorSummary, NotificationBanner, TextInput, useEnhancedForm, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { focusKeyOf } from '~/lib/focus-key';
import { readVerifiedForm } from '~/lib/form.server';

export const handle: RouteHandle = { titleKey: 'portal.advocate.link.title', hydrate: true };

/** A sign-in link by email instead of a password; the answer is the same whether or not the email has an account. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const api = await getCaller(request, context);
  const email = String(form.get('email') ?? '');
  try {
    await api.public.advocate.requestLink({ email });
    return data({ sent: true, errors: {} as Record<string, string>, params: {}, email });
  } catch (error) {
    const failure = toFormErrors(error);
    return data({ sent: false, errors: failure.errors, params: failure.params, email }, { status: failure.status });
  }
}

export default function AdvocateLink() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const { form, onSubmit, errorKey } = useEnhancedForm(ZMagicLinkRequest, { defaultValues: { email: result?.email ?? '' }, serverErrors: result?.errors });
  const key = errorKey('email') ?? result?.errors[FORM_ERROR];
  const message = key ? t(key, result?.params) : undefined;
  return (
    <>
      <BackLink href="/advocate/sign-in">{t('common.back')}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={t('common.errorSummaryTitle')} errors={message ? [{ href: '#email', text: message }] : []} focusKey={focusKeyOf(form.formState.submitCount, result)} />
          {result?.sent ? <NotificationBanner title={t('portal.advocate.link.sentTitle')} success heading={t('portal.advocate.link.sent', { email: result.email })} /> : null}
          <h1 className="govuk-heading-l">{t('portal.advocate.link.title')}</h1>
          <p className="govuk-body">{t('portal.advocate.link.lead')}</p>
          <EnhancedForm onSubmit={onSubmit}>
            <TextInput id="email" label={t('portal.advocate.fields.email')} type="email" autoComplete="email" spellCheck={false} error={message} errorPrefix={t('common.errorPrefix')} defaultValue={result?.email ?? ''} {...form.register('email')} />
            <Button>{t('portal.advocate.link.submit')}</Button>
          </EnhancedForm>
        </div>
      </div>
    </>
  );
}
