import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { formatDate, toUkDate } from '@heard/domain';
import { BackLink, Button, CsrfInput, ErrorSummary, InsetText, NotificationBanner, TextInput } from '@heard/ui';
import { detectLanguage, serverT } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { readDraftToken } from '~/lib/cookies.server';
import { readVerifiedForm } from '~/lib/form.server';
import { journeyCaller, journeyFrom, loadDraft } from '~/lib/journey.server';

/** "Save and come back later": the answers are kept on our side; this is the link back to them, and it can be emailed. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const journey = journeyFrom(params.journey);
  const api = await journeyCaller(request, context, journey);
  const { draft, token } = await loadDraft(request, api, journey);
  if (!draft || !token) throw redirect(`/${journey}`);
  if (draft.confirmation) throw redirect(`/${journey}/confirmation`);
  const { t } = await serverT(request);
  const origin = new URL(request.url).origin;
  return {
    journey,
    link: `${origin}/resume/${token}`,
    expiresOn: toUkDate(new Date(draft.expiresAt)),
    next: draft.progress.next ?? 'check',
    pageTitle: t('portal.save.title'),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const journey = journeyFrom(params.journey);
  const form = await readVerifiedForm(request);
  const api = await journeyCaller(request, context, journey);
  const token = readDraftToken(request, journey);
  if (!token) throw redirect(`/${journey}`);
  const email = String(form.get('email') ?? '');
  try {
    await api.public.draft.sendLink({ journey, token, email, language: await detectLanguage(request) });
    return data({ sent: email, errors: {} as Record<string, string>, params: {}, email });
  } catch (error) {
    const failure = toFormErrors(error);
    return data({ sent: null, errors: failure.errors, params: failure.params, email }, { status: failure.status });
  }
}

export default function SaveForLater() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const error = result?.errors.email ?? result?.errors[FORM_ERROR];
  return (
    <>
      <BackLink href={`/${loaded.journey}/${loaded.next}`}>{t('common.back')}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={t('common.errorSummaryTitle')} errors={error ? [{ href: '#email', text: t(error, result?.params) }] : []} />
          {result?.sent ? <NotificationBanner title={t('portal.save.sentTitle')} success heading={t('portal.save.sent', { email: result.sent })} /> : null}
          <h1 className="govuk-heading-l">{t('portal.save.title')}</h1>
          <p className="govuk-body">{t('portal.save.kept', { date: formatDate(loaded.expiresOn, i18n.language === 'cy' ? 'cy' : 'en') })}</p>
          <p className="govuk-body">{t('portal.save.linkIntro')}</p>
          <InsetText>
            <span className="heard-break-all" data-testid="resume-link">
              {loaded.link}
            </span>
          </InsetText>
          <p className="govuk-body">{t('portal.save.private')}</p>
          <Form method="post" noValidate>
            <CsrfInput />
            <TextInput
              id="email"
              label={t('portal.save.emailLabel')}
              hint={t('portal.save.emailHint')}
              type="email"
              autoComplete="email"
              spellCheck={false}
              defaultValue={result?.email ?? ''}
              error={error ? t(error, result?.params) : undefined}
              errorPrefix={t('common.errorPrefix')}
            />
            <Button>{t('portal.save.send')}</Button>
          </Form>
          <p className="govuk-body">
            <a className="govuk-link" href={`/${loaded.journey}/${loaded.next}`}>
              {t('portal.save.continue')}
            </a>
          </p>
        </div>
      </div>
    </>
  );
}
