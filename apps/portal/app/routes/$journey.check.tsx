import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { formatDate } from '@heard/domain';
import { BackLink, Button, CsrfInput, ErrorSummary, SummaryList, WarningText, type SummaryRow } from '@heard/ui';
import { serverT } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { describeAnswer, summaryFields } from '~/components/question-fields';
import { readDraftToken } from '~/lib/cookies.server';
import { readVerifiedForm } from '~/lib/form.server';
import { journeyCaller, journeyFrom, loadDraft } from '~/lib/journey.server';
import { fieldKeys, JOURNEY_VIEWS } from '~/lib/journey-views';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const journey = journeyFrom(params.journey);
  const api = await journeyCaller(request, context, journey);
  const { draft } = await loadDraft(request, api, journey);
  if (!draft) throw redirect(`/${journey}`);
  if (draft.confirmation) throw redirect(`/${journey}/confirmation`);
  if (draft.progress.next) throw redirect(`/${journey}/${draft.progress.next}`);
  const needsServices = draft.progress.steps.some((id) => JOURNEY_VIEWS[journey][id]?.fields.some((f) => f.kind === 'radios' && f.options === 'services'));
  const { t } = await serverT(request);
  return {
    journey,
    steps: draft.progress.steps,
    answers: draft.answers,
    files: draft.files,
    services: needsServices ? await api.public.services.list() : [],
    lastStep: draft.progress.steps.at(-1) ?? '',
    pageTitle: t('portal.check.title'),
  };
}

/** Sends the journey: a double click, a resubmitted POST or a second send after going back all make one case. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const journey = journeyFrom(params.journey);
  await readVerifiedForm(request);
  const api = await journeyCaller(request, context, journey);
  const token = readDraftToken(request, journey);
  if (!token) throw redirect(`/${journey}`);
  try {
    await api.public.draft.submit({ journey, token });
    return redirect(`/${journey}/confirmation`);
  } catch (error) {
    const failure = toFormErrors(error);
    if (failure.errors[FORM_ERROR] === 'portal.errors.draftExpired') throw redirect(`/${journey}`);
    if (failure.errors[FORM_ERROR] === 'portal.errors.incomplete') throw redirect(`/${journey}`);
    return data({ errors: failure.errors, params: failure.params }, { status: failure.status });
  }
}

export default function CheckAnswers() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'cy' ? 'cy' : 'en';
  const helpers = { t, language, formatDate: (iso: string) => formatDate(iso, language, { weekday: false }) };
  const rows: SummaryRow[] = [];
  for (const stepId of loaded.steps) {
    const view = JOURNEY_VIEWS[loaded.journey][stepId];
    if (!view) continue;
    const answers = (loaded.answers[stepId] ?? {}) as Record<string, unknown>;
    const change = { href: `/${loaded.journey}/${stepId}?change=1`, text: t('common.change') };
    if (view.upload) {
      rows.push({
        key: t(`${view.keys}.summary`),
        value: loaded.files.length > 0 ? loaded.files.map((f) => f.fileName).join('\n') : t('portal.check.noFiles'),
        action: { ...change, visuallyHidden: t(`${view.keys}.summary`) },
      });
      continue;
    }
    for (const { field, lone } of summaryFields(view, answers)) {
      const label = t(`${fieldKeys(view, field, lone)}.summary`);
      rows.push({
        key: label,
        value: <span className="heard-pre-wrap">{describeAnswer(view, field, lone, answers, loaded.services, helpers) ?? t('portal.check.notGiven')}</span>,
        action: { ...change, visuallyHidden: label },
      });
    }
  }
  const errors = result?.errors[FORM_ERROR] ? [{ href: '#submit', text: t(result.errors[FORM_ERROR], result.params) }] : [];
  return (
    <>
      <BackLink href={`/${loaded.journey}/${loaded.lastStep}`}>{t('common.back')}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={t('common.errorSummaryTitle')} errors={errors} />
          <h1 className="govuk-heading-l">{t('portal.check.title')}</h1>
          <SummaryList rows={rows} />
          <h2 className="govuk-heading-m">{t(`portal.check.sendTitle.${loaded.journey}`)}</h2>
          <p className="govuk-body">{t(`portal.check.declaration.${loaded.journey}`)}</p>
          {loaded.journey === 'foi' ? <WarningText assistive={t('portal.shared.warning')}>{t('portal.check.foiPublic')}</WarningText> : null}
          <Form method="post" id="submit">
            <CsrfInput />
            <Button>{t(`portal.check.send.${loaded.journey}`)}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
