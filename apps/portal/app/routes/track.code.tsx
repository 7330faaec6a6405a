import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { ZTrackingCodeForm } from '@heard/domain';
import { BackLink, Button, EnhancedForm, ErrorSummary, InsetText, TextInput, useEnhancedForm, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { focusKeyOf } from '~/lib/focus-key';
import { readVerifiedForm } from '~/lib/form.server';
import { sessionHeaders } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'portal.track.code.title', hydrate: true };

export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const reference = url.searchParams.get('reference') ?? '';
  if (!reference) throw redirect('/track');
  return { reference, by: url.searchParams.get('by') === 'phone' ? 'phone' : 'email' };
}

/** Track a case, step two: the code. Five wrong codes lock the reference for 15 minutes. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const api = await getCaller(request, context);
  const reference = String(form.get('reference') ?? '');
  try {
    const session = await api.public.track.verifyCode({ reference, code: String(form.get('code') ?? '') });
    return redirect('/track/case', { headers: sessionHeaders(session.token, context.secure) });
  } catch (error) {
    const failure = toFormErrors(error);
    return data({ errors: failure.errors, params: failure.params }, { status: failure.status });
  }
}

export default function TrackCode() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const { form, onSubmit, errorKey } = useEnhancedForm(ZTrackingCodeForm, { serverErrors: result?.errors });
  const key = errorKey('code') ?? result?.errors[FORM_ERROR];
  const message = key ? t(key, result?.params) : undefined;
  return (
    <>
      <BackLink href={`/track?reference=${encodeURIComponent(loaded.reference)}`}>{t('common.back')}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={t('common.errorSummaryTitle')} errors={message ? [{ href: '#code', text: message }] : []} focusKey={focusKeyOf(form.formState.submitCount, result)} />
          <EnhancedForm onSubmit={onSubmit}>
            <input type="hidden" name="reference" value={loaded.reference} />
            <TextInput
              id="code"
              label={t('portal.track.code.title')}
              labelIsPageHeading
              hint={t(loaded.by === 'phone' ? 'portal.track.code.hintPhone' : 'portal.track.code.hintEmail', { reference: loaded.reference })}
              error={message}
              errorPrefix={t('common.errorPrefix')}
              inputMode="numeric"
              autoComplete="one-time-code"
              spellCheck={false}
              className="govuk-input--width-5"
              {...form.register('code')}
            />
            <Button>{t('portal.track.code.submit')}</Button>
          </EnhancedForm>
          <InsetText>{t('portal.track.code.notArrived')}</InsetText>
          <p className="govuk-body">
            <a className="govuk-link" href={`/track?reference=${encodeURIComponent(loaded.reference)}`}>
              {t('portal.track.code.again')}
            </a>
          </p>
        </div>
      </div>
    </>
  );
}
