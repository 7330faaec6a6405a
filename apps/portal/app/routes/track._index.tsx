import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { normaliseReference, ZTrackCaseInput } from '@heard/domain';
import { Button, EnhancedForm, ErrorSummary, NotificationBanner, TextInput, useEnhancedForm, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { focusKeyOf } from '~/lib/focus-key';
import { formToValues, readVerifiedForm } from '~/lib/form.server';

export const handle: RouteHandle = { titleKey: 'portal.track.start.title', hydrate: true };

export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return { reference: url.searchParams.get('reference') ?? '', signedOut: url.searchParams.has('signedOut') };
}

/** Track a case, step one: the reference and the email or mobile number given with it; a code is sent there. */
export async function action({ request, context }: ActionFunctionArgs) {
  const values = formToValues(await readVerifiedForm(request)) as { reference?: string; email?: string; phone?: string };
  const api = await getCaller(request, context);
  try {
    await api.public.track.requestCode({ reference: values.reference ?? '', email: values.email || undefined, phone: values.phone || undefined });
    const normalised = normaliseReference(values.reference ?? '');
    return redirect(`/track/code?reference=${encodeURIComponent(normalised.ok ? normalised.reference : '')}&by=${values.email ? 'email' : 'phone'}`);
  } catch (error) {
    const failure = toFormErrors(error);
    return data({ errors: failure.errors, params: failure.params, values }, { status: failure.status });
  }
}

export default function TrackStart() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const values = result?.values ?? { reference: loaded.reference };
  const { form, onSubmit, errorKey } = useEnhancedForm(ZTrackCaseInput, { defaultValues: values as never, serverErrors: result?.errors });
  const fields = ['reference', 'email', 'phone'] as const;
  const errors = [
    ...(result?.errors[FORM_ERROR] ? [{ href: '#reference', text: t(result.errors[FORM_ERROR], result.params) }] : []),
    ...fields.flatMap((field) => (errorKey(field) ? [{ href: `#${field}`, text: t(errorKey(field)!) }] : [])),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary title={t('common.errorSummaryTitle')} errors={errors} focusKey={focusKeyOf(form.formState.submitCount, result)} />
        {loaded.signedOut ? <NotificationBanner title={t('portal.track.signedOutTitle')} success heading={t('portal.track.signedOut')} /> : null}
        <h1 className="govuk-heading-l">{t('portal.track.start.title')}</h1>
        <p className="govuk-body">{t('portal.track.start.lead')}</p>
        <EnhancedForm onSubmit={onSubmit}>
          <TextInput
            id="reference"
            label={t('portal.track.start.reference')}
            hint={t('portal.track.start.referenceHint')}
            error={errorKey('reference') ? t(errorKey('reference')!) : undefined}
            errorPrefix={t('common.errorPrefix')}
            className="govuk-input--width-10"
            spellCheck={false}
            autoComplete="off"
            defaultValue={values.reference ?? ''}
            {...form.register('reference')}
          />
          <TextInput
            id="email"
            label={t('portal.track.start.email')}
            hint={t('portal.track.start.emailHint')}
            type="email"
            autoComplete="email"
            spellCheck={false}
            error={errorKey('email') ? t(errorKey('email')!) : undefined}
            errorPrefix={t('common.errorPrefix')}
            defaultValue={(values as { email?: string }).email ?? ''}
            {...form.register('email')}
          />
          <TextInput
            id="phone"
            label={t('portal.track.start.phone')}
            hint={t('portal.track.start.phoneHint')}
            type="tel"
            autoComplete="tel"
            className="govuk-input--width-20"
            error={errorKey('phone') ? t(errorKey('phone')!) : undefined}
            errorPrefix={t('common.errorPrefix')}
            defaultValue={(values as { phone?: string }).phone ?? ''}
            {...form.register('phone')}
          />
          <Button>{t('portal.track.start.submit')}</Button>
        </EnhancedForm>
        <h2 className="govuk-heading-m">{t('portal.track.start.advocateTitle')}</h2>
        <p className="govuk-body">
          <a className="govuk-link" href="/advocate">
            {t('portal.track.start.advocateLink')}
          </a>
        </p>
      </div>
    </div>
  );
}
