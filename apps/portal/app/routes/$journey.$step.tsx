import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { findJourneyStep, toUkDate, type JourneyId } from '@heard/domain';
import { BackLink, Button, CsrfInput, EnhancedForm, ErrorSummary, FileUpload, SummaryList, useEnhancedForm, type RouteHandle } from '@heard/ui';
import { detectLanguage, serverT } from '@heard/ui/remix/server';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorItems, QuestionFields } from '~/components/question-fields';
import { focusKeyOf } from '~/lib/focus-key';
import { draftCookie, readDraftToken } from '~/lib/cookies.server';
import { fileFrom, formToValues, readVerifiedForm, readVerifiedUpload, UploadTooLarge } from '~/lib/form.server';
import { firstSteps, journeyCaller, journeyFrom, loadDraft } from '~/lib/journey.server';
import { isLone, JOURNEY_START, JOURNEY_VIEWS } from '~/lib/journey-views';

/** Question pages check answers in the browser as well (react-hook-form with the domain's schemas). */
export const handle: RouteHandle = { hydrate: true };

function stepFrom(journey: JourneyId, stepId: string | undefined) {
  const step = stepId ? findJourneyStep(journey, stepId) : undefined;
  const view = stepId ? JOURNEY_VIEWS[journey][stepId] : undefined;
  if (!step || !view || !stepId) throw new Response('Not found', { status: 404 });
  return { stepId, view };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const journey = journeyFrom(params.journey);
  const { stepId, view } = stepFrom(journey, params.step);
  const api = await journeyCaller(request, context, journey);
  const { draft } = await loadDraft(request, api, journey);
  if (draft?.confirmation) throw redirect(`/${journey}/confirmation`);
  const steps = draft?.progress.steps ?? firstSteps(journey);
  const pending = draft ? draft.progress.next : steps[0];
  // A page that does not apply, or one further on than the person has got, sends them to the page they are due.
  if (!steps.includes(stepId)) throw redirect(pending ? `/${journey}/${pending}` : `/${journey}/check`);
  if (pending && steps.indexOf(stepId) > steps.indexOf(pending)) throw redirect(`/${journey}/${pending}`);
  const services = view.fields.some((f) => f.kind === 'radios' && f.options === 'services') ? await api.public.services.list() : [];
  const change = new URL(request.url).searchParams.get('change') === '1';
  const index = steps.indexOf(stepId);
  const { t } = await serverT(request);
  return {
    journey,
    stepId,
    values: (draft?.answers[stepId] ?? {}) as Record<string, unknown>,
    services,
    files: draft?.files ?? [],
    hasDraft: draft !== null,
    change,
    backHref: change ? `/${journey}/check` : index > 0 ? `/${journey}/${steps[index - 1]}` : JOURNEY_START[journey],
    pageTitle: t(`${view.keys}.title`),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const journey = journeyFrom(params.journey);
  const { stepId, view } = stepFrom(journey, params.step);
  const api = await journeyCaller(request, context, journey);
  const language = await detectLanguage(request);
  let token = readDraftToken(request, journey);
  const cookies = new Headers();
  const save = async (values: Record<string, unknown>, returnTo: unknown) => {
    const saved = await api.public.draft.save({ journey, token, step: stepId, values, language });
    token = saved.token;
    cookies.append('Set-Cookie', draftCookie(journey, saved.token, context.secure));
    if (journey === 'complaint' && stepId === 'who' && values.role === 'young_person') return redirect('/young-person', { headers: cookies });
    const target =
      returnTo === 'check' ? (saved.pending ? `/${journey}/${saved.pending}?change=1` : `/${journey}/check`) : saved.next ? `/${journey}/${saved.next}` : `/${journey}/check`;
    return redirect(target, { headers: cookies });
  };
  const failed = (error: unknown, values: Record<string, unknown>) => {
    const failure = toFormErrors(error);
    if (failure.status === 404 && failure.errors[FORM_ERROR] === 'portal.errors.draftExpired') throw redirect(`/${journey}`);
    if (failure.status === 409) throw redirect(`/${journey}/confirmation`);
    return data({ errors: failure.errors, params: failure.params, values }, { status: failure.status, headers: cookies });
  };

  if (!view.upload) {
    const form = await readVerifiedForm(request);
    const values = formToValues(form);
    try {
      return await save(values, form.get('returnTo'));
    } catch (error) {
      return failed(error, values);
    }
  }

  // The upload page: add a file, remove one, or carry on (a file chosen but not yet added is added first).
  let form: FormData;
  try {
    form = await readVerifiedUpload(request);
  } catch (error) {
    if (error instanceof UploadTooLarge) return data({ errors: { file: 'portal.errors.file.tooBig' } as Record<string, string>, params: {}, values: {} }, { status: 400 });
    throw error;
  }
  const intent = String(form.get('_action') ?? 'continue');
  try {
    if (!token) {
      const started = await api.public.draft.save({ journey, token: null, step: stepId, values: {}, language });
      token = started.token;
      cookies.append('Set-Cookie', draftCookie(journey, started.token, context.secure));
    }
    if (intent.startsWith('remove:')) {
      await api.public.attachment.remove({ journey, token, id: intent.slice('remove:'.length) });
      return redirect(`/${journey}/${stepId}`, { headers: cookies });
    }
    const file = await fileFrom(form, 'file');
    if (file) await api.public.attachment.upload({ journey, token, ...file });
    else if (intent === 'upload') return data({ errors: { file: 'portal.errors.file.missing' } as Record<string, string>, params: {}, values: {} }, { status: 400, headers: cookies });
    if (intent === 'upload') return redirect(`/${journey}/${stepId}`, { headers: cookies });
    return await save({}, form.get('returnTo'));
  } catch (error) {
    return failed(error, {});
  }
}

/** One page's form: keyed by the page, so that each question starts with a fresh form (the route's component is reused from page to page). */
export default function QuestionPage() {
  const loaded = useLoaderData<typeof loader>();
  return <QuestionForm key={`${loaded.journey}/${loaded.stepId}`} />;
}

function QuestionForm() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const view = JOURNEY_VIEWS[loaded.journey][loaded.stepId]!;
  const step = findJourneyStep(loaded.journey, loaded.stepId)!;
  const values = (result?.values && Object.keys(result.values).length > 0 ? result.values : loaded.values) as Record<string, unknown>;
  // The same schema as the server's, with the browser's idea of today and the services offered.
  const schema = useMemo(
    () => step.schema!({ today: toUkDate(new Date()), serviceIds: loaded.services.map((s) => s.id) }),
    [step, loaded.services],
  );
  const { form, onSubmit, errorKey } = useEnhancedForm(schema as never, { defaultValues: values as never, serverErrors: result?.errors });
  const summary = [
    ...(result?.errors[FORM_ERROR] ? [{ href: view.upload ? '#file' : `#${view.fields[0]?.path ?? 'main-content'}`, text: t(result.errors[FORM_ERROR], result.params) }] : []),
    ...(view.upload ? (errorKey('file') ? [{ href: '#file', text: t(errorKey('file')!, { max: 10 }) }] : []) : errorItems(view, errorKey, t)),
  ];
  const lone = isLone(view);
  const intro = Array.from({ length: view.intro ?? 0 }, (_, i) => t(`${view.keys}.intro.${i}`));
  const returnTo = loaded.change ? <input type="hidden" name="returnTo" value="check" /> : null;
  const saveLater = loaded.hasDraft ? (
    <p className="govuk-body">
      <Link className="govuk-link" to={`/${loaded.journey}/save`}>
        {t('portal.shared.saveForLater')}
      </Link>
    </p>
  ) : null;

  return (
    <>
      <BackLink href={loaded.backHref}>{t('common.back')}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={t('common.errorSummaryTitle')} errors={summary} focusKey={focusKeyOf(form.formState.submitCount, result)} />
          {view.upload ? (
            <>
              <h1 className="govuk-heading-l">{t(`${view.keys}.title`)}</h1>
              <p className="govuk-body">{t(`${view.keys}.hint`)}</p>
              {loaded.files.length > 0 ? (
                <SummaryList rows={loaded.files.map((file) => ({ key: file.fileName, value: t('portal.shared.fileSize', { size: Math.max(1, Math.round(file.sizeBytes / 1024)) }) }))} />
              ) : null}
              <Form method="post" encType="multipart/form-data" replace>
                <CsrfInput />
                {returnTo}
                <FileUpload
                  id="file"
                  label={t('portal.shared.chooseFile')}
                  hint={t('portal.shared.fileRules')}
                  error={errorKey('file') ? t(errorKey('file')!, { max: 10 }) : undefined}
                  errorPrefix={t('common.errorPrefix')}
                  accept=".pdf,.doc,.docx,.odt,.txt,.jpg,.jpeg,.png,.heic"
                />
                <div className="govuk-button-group">
                  <Button secondary name="_action" value="upload">
                    {t('portal.shared.uploadFile')}
                  </Button>
                  {loaded.files.map((file) => (
                    <Button key={file.id} secondary name="_action" value={`remove:${file.id}`}>
                      {t('portal.shared.removeFile', { name: file.fileName })}
                    </Button>
                  ))}
                </div>
                <Button name="_action" value="continue">
                  {t('common.continue')}
                </Button>
              </Form>
            </>
          ) : (
            <EnhancedForm onSubmit={onSubmit}>
              {returnTo}
              {lone ? null : <h1 className="govuk-heading-l">{t(`${view.keys}.title`)}</h1>}
              {intro.map((paragraph, i) => (
                <p key={i} className="govuk-body">
                  {paragraph}
                </p>
              ))}
              <QuestionFields step={view} form={form as never} values={values} errorKey={errorKey} services={loaded.services} />
              <Button>{t('common.continue')}</Button>
            </EnhancedForm>
          )}
          {saveLater}
        </div>
      </div>
    </>
  );
}
