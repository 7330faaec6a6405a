import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { formatDate, ZPortalNextStageInput } from '@heard/domain';
import { BackLink, Button, EnhancedForm, ErrorSummary, Textarea, useEnhancedForm, type RouteHandle } from '@heard/ui';
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
  const next = view.actions.nextStage;
  if (!next) throw redirect(`/track/case${reference ? `?reference=${encodeURIComponent(reference)}` : ''}`);
  const { t } = await serverT(request);
  const stage = t(`stage.${next.stage}`);
  return { reference: view.reference, stage, closesOn: next.closesOn, query: reference ? `?reference=${encodeURIComponent(reference)}` : '', pageTitle: t('portal.nextStage.title', { stage }) };
}

/** The person asks for the next stage, with their reason, while the window is open. */
export async function action({ request, context }: ActionFunctionArgs) {
  const reference = new URL(request.url).searchParams.get('reference') ?? undefined;
  const form = await readVerifiedForm(request);
  const whyStillUnhappy = String(form.get('whyStillUnhappy') ?? '');
  const api = await getCaller(request, context);
  try {
    const created = await api.public.track.escalate({ reference, whyStillUnhappy });
    return redirect(`/track/case?done=escalated&new=${encodeURIComponent(created.reference)}${reference ? `&reference=${encodeURIComponent(reference)}` : ''}`);
  } catch (error) {
    const failure = toFormErrors(error);
    if (failure.status === 401) throw redirect(reference ? '/advocate/sign-in' : '/track');
    const text = await refusalText(request, failure.errors[FORM_ERROR], failure.params);
    return data({ errors: failure.errors, params: failure.params, whyStillUnhappy, text }, { status: failure.status });
  }
}

export default function NextStage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const { form, onSubmit, errorKey } = useEnhancedForm(ZPortalNextStageInput, { defaultValues: { whyStillUnhappy: result?.whyStillUnhappy ?? '' }, serverErrors: result?.errors });
  const key = errorKey('whyStillUnhappy') ?? result?.errors[FORM_ERROR];
  const message = result?.text ?? (key ? t(key, { max: 5000, ...result?.params }) : undefined);
  return (
    <>
      <BackLink href={`/track/case${loaded.query}`}>{t('common.back')}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={t('common.errorSummaryTitle')} errors={message ? [{ href: '#whyStillUnhappy', text: message }] : []} focusKey={focusKeyOf(form.formState.submitCount, result)} />
          <span className="govuk-caption-l">{loaded.reference}</span>
          <h1 className="govuk-heading-l">{t('portal.nextStage.title', { stage: loaded.stage })}</h1>
          <p className="govuk-body">{t('portal.nextStage.lead')}</p>
          {loaded.closesOn ? <p className="govuk-body">{t('portal.nextStage.by', { date: formatDate(loaded.closesOn, i18n.language === 'cy' ? 'cy' : 'en', { weekday: false }) })}</p> : null}
          <EnhancedForm onSubmit={onSubmit}>
            <Textarea
              id="whyStillUnhappy"
              label={t('portal.nextStage.reason')}
              hint={t('portal.nextStage.reasonHint')}
              error={message}
              errorPrefix={t('common.errorPrefix')}
              rows={6}
              maxLength={5000}
              countMessage={t('portal.shared.characterLimit', { max: 5000 })}
              defaultValue={result?.whyStillUnhappy ?? ''}
              {...form.register('whyStillUnhappy')}
            />
            <Button>{t('portal.nextStage.submit', { stage: loaded.stage })}</Button>
          </EnhancedForm>
        </div>
      </div>
    </>
  );
}
