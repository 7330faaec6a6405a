import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useSearchParams } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { sessionCookie } from '@heard/api/session-cookie';
import { ZSecondFactorInput } from '@heard/domain';
import { Button, EnhancedForm, ErrorSummary, TextInput, useEnhancedForm, type RouteHandle } from '@heard/ui';
import { getCaller, readVerifiedForm } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { safeReturnTo } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'auth.totp.title' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const user = await api.auth.whoami();
  if (user?.kind !== 'staff' || !user.pendingSecondFactor) throw redirect('/sign-in');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const api = await getCaller(request, context);
  try {
    const result = await api.auth.staff.verifySecondFactor({ code: String(form.get('code') ?? '') });
    return redirect(safeReturnTo(form.get('returnTo')), {
      headers: { 'Set-Cookie': sessionCookie(result.token, { secure: context.secure }) },
    });
  } catch (error) {
    const failure = toFormErrors(error);
    if (failure.status === 401) throw redirect('/sign-in');
    return data({ errors: failure.errors, params: failure.params }, { status: failure.status });
  }
}

export default function SecondFactor() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const { form, onSubmit, errorKey } = useEnhancedForm(ZSecondFactorInput, { serverErrors: result?.errors });
  const codeError = errorKey('code') ?? result?.errors[FORM_ERROR];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary title={t('common.errorSummaryTitle')} errors={codeError ? [{ href: '#code', text: t(codeError, result?.params) }] : []} />
        <EnhancedForm onSubmit={onSubmit}>
          <input type="hidden" name="returnTo" value={params.get('returnTo') ?? '/'} />
          <TextInput
            id="code"
            label={t('auth.totp.title')}
            labelIsPageHeading
            hint={t('auth.totp.hint')}
            error={codeError ? t(codeError, result?.params) : undefined}
            errorPrefix={t('common.errorPrefix')}
            inputMode="numeric"
            autoComplete="one-time-code"
            className="govuk-input--width-10"
            spellCheck={false}
            {...form.register('code')}
          />
          <Button>{t('auth.totp.submit')}</Button>
        </EnhancedForm>
      </div>
    </div>
  );
}
