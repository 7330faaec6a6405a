import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { isComplaint, ZPortalWithdrawInput } from '@heard/domain';
import { BackLink, Button, EnhancedForm, ErrorSummary, Textarea, useEnhancedForm, WarningText, type RouteHandle } from '@heard/ui';
import { getCaller, serverT } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { focusKeyOf } from '~/lib/focus-key';
import { refusalText, requireSession } from '~/lib/errors.server';
import { readVerifiedForm } from '~/lib/form.server';

export const handle: RouteHandle = { hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const reference = new URL(request.url).searchParams.get('reference') ?? undefined;
  const api = await getCaller(request, context);
  const view = await requireSession(request, reference ? '/advocate/sign-in' : '/track', () => api.public.track.view(reference ? { reference } : {}));
  if (!view.actions.withdraw) throw redirect(`/track/case${reference ? `?reference=${encodeURIComponent(reference)}` : ''}`);
  const kind = isComplaint(view.caseType) ? 'complaint' : 'other';
  const { t } = await serverT(request);
  return { reference: view.reference, kind, query: reference ? `?reference=${encodeURIComponent(reference)}` : '', pageTitle: t(`portal.withdraw.title.${kind}`) };
}

/** The person withdraws: the lifecycle decides whether it can be, and records it. */
export async function action({ request, context }: ActionFunctionArgs) {
  const reference = new URL(request.url).searchParams.get('reference') ?? undefined;
  const form = await readVerifiedForm(request);
  const reason = String(form.get('reason') ?? '');
  const api = await getCaller(request, context);
  try {
    await api.public.track.withdraw({ reference, reason });
    return redirect(`/track/case?done=withdrawn${reference ? `&reference=${encodeURIComponent(reference)}` : ''}`);
  } catch (error) {
    const failure = toFormErrors(error);
    if (failure.status === 401) throw redirect(reference ? '/advocate/sign-in' : '/track');
    const text = await refusalText(request, failure.errors[FORM_ERROR], failure.params);
    return data({ errors: failure.errors, params: failure.params, reason, text }, { status: failure.status });
  }
}

export default function Withdraw() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const { form, onSubmit, errorKey } = useEnhancedForm(ZPortalWithdrawInput, { defaultValues: { reason: result?.reason ?? '' }, serverErrors: result?.errors });
  const key = errorKey('reason') ?? result?.errors[FORM_ERROR];
  const message = result?.text ?? (key ? t(key, { max: 2000, ...result?.params }) : undefined);
  return (
    <>
      <BackLink href={`/track/case${loaded.query}`}>{t('common.back')}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={t('common.errorSummaryTitle')} errors={message ? [{ href: '#reason', text: message }] : []} focusKey={focusKeyOf(form.formState.submitCount, result)} />
          <span className="govuk-caption-l">{loaded.reference}</span>
          <h1 className="govuk-heading-l">{t(`portal.withdraw.title.${loaded.kind}`)}</h1>
          <WarningText assistive={t('portal.shared.warning')}>{t('portal.withdraw.warning')}</WarningText>
          <EnhancedForm onSubmit={onSubmit}>
            <Textarea
              id="reason"
              label={t('portal.withdraw.reason')}
              hint={t('portal.withdraw.reasonHint')}
              error={message}
              errorPrefix={t('common.errorPrefix')}
              rows={4}
              defaultValue={result?.reason ?? ''}
              {...form.register('reason')}
            />
            <Button warning>{t(`portal.withdraw.submit.${loaded.kind}`)}</Button>
          </EnhancedForm>
        </div>
      </div>
    </>
  );
}
