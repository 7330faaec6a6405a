import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { BackLink, Button, CsrfInput, ErrorSummary, InsetText, type RouteHandle } from '@heard/ui';
import { getCaller, readVerifiedForm, serverT } from '@heard/ui/remix/server';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ActionField } from '~/components/action-fields';
import { findCaseAction, type CaseAction, type CasePage, type Field } from '~/lib/case-actions';
import { localised, readValues, type FormValues } from '~/lib/forms.server';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = {};

function actionOrNotFound(name: string | undefined): CaseAction {
  const action = name ? findCaseAction(name) : undefined;
  if (!action) throw new Response('Not found', { status: 404 });
  return action;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const action = actionOrNotFound(params.action);
  const api = await getCaller(request, context);
  const page = await requireSignedIn(request, () => api.staff.case.get({ caseId: params.caseId ?? '' }));
  // The page is offered only to those who may do it; the API refuses the rest anyway.
  if (!page.can[action.can]) throw new Response('Forbidden', { status: 403 });
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { t } = await serverT(request);
  return { page, action: action.name, query, pageTitle: `${t(`casework.actions.${action.name}.title`)} (${page.case.reference})` };
}

const dateFields = (fields: Field[]) => fields.filter((f) => f.kind === 'date').map((f) => f.name);
const errorPath = (field: Field) => ('errorPath' in field && field.errorPath ? field.errorPath : field.name === 'letter' ? 'templateId' : field.name);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const spec = actionOrNotFound(params.action);
  const form = await readVerifiedForm(request);
  const values = readValues(form, dateFields(spec.fields));
  const api = await getCaller(request, context);
  const caseId = params.caseId ?? '';
  const { language } = await serverT(request);
  try {
    if (form.get('intent') === 'preview') {
      const templateId = typeof values.letterTemplate === 'string' ? values.letterTemplate : '';
      const outcome = typeof values.outcome === 'string' && values.outcome ? (values.outcome as never) : undefined;
      const preview = await api.staff.case.letterPreview({ caseId, templateId, language: values.letterLanguage === 'cy' ? 'cy' : 'en', outcome });
      return data({ values, preview, errors: {} as Record<string, string>, params: {} });
    }
    await spec.call(api, caseId, values);
    return redirect(`/cases/${caseId}?done=${spec.name}`);
  } catch (error) {
    const failure = toFormErrors(error);
    if (failure.status === 401) return redirect(`/sign-in?returnTo=${encodeURIComponent(`/cases/${caseId}/${spec.name}`)}`);
    // Field errors come keyed by the API's input path; the form's own names are used from here on.
    const errors: Record<string, string> = {};
    for (const [path, key] of Object.entries(failure.errors)) {
      const field = spec.fields.find((f) => errorPath(f) === path || path.startsWith(`${errorPath(f)}.`));
      errors[field ? field.name : FORM_ERROR] ??= key;
    }
    return data({ values, preview: null, errors, params: localised(failure.params, language) }, { status: failure.status });
  }
}

/** Changing a person or a learning action: the form starts from what is recorded (only ids travel in links). */
function prefill(page: CasePage, name: string, query: Record<string, string>): FormValues {
  const optional = (value: string | null | undefined) => value ?? '';
  if (name === 'person' && query.personId) {
    const person = page.people.find((p) => p.id === query.personId);
    if (person) {
      return {
        personId: person.id,
        role: person.role,
        name: optional(person.name),
        email: optional(person.email),
        phone: optional(person.phone),
        address: optional(person.address),
        dateOfBirth: optional(person.dateOfBirth),
        relationship: optional(person.relationship),
        contactPreference: optional(person.contactPreference),
        language: optional(person.language),
        adjustments: optional(person.adjustments),
        consentRecordedOn: person.consentRecordedAt ? new Date(person.consentRecordedAt).toISOString().slice(0, 10) : '',
      };
    }
  }
  if (name === 'learning' && query.actionId) {
    const learning = page.learningActions.find((a) => a.id === query.actionId);
    if (learning) {
      return {
        actionId: learning.id,
        description: learning.description,
        ownerId: optional(learning.ownerUserId),
        dueOn: optional(learning.dueOn),
        status: learning.status,
        complainantToldOn: optional(learning.complainantToldOn),
      };
    }
  }
  if (name === 'classify') return { type: page.case.type, framework: page.case.framework, ...query };
  return { ...query };
}

export default function CaseActionPage() {
  const { page, action: name, query } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const spec = findCaseAction(name) as CaseAction;
  const values: FormValues = { ...prefill(page, name, query), ...(result?.values ?? {}) };
  const errors = result?.errors ?? {};
  const message = (key: string | undefined) => (key ? t(key, result?.params ?? {}) : undefined);
  const summary = [
    ...(errors[FORM_ERROR] ? [{ href: '#main-form', text: message(errors[FORM_ERROR]) as string }] : []),
    ...spec.fields.flatMap((field) => (errors[field.name] ? [{ href: `#${field.kind === 'date' ? `${field.name}-day` : field.name === 'letter' ? 'letterTemplate' : field.name}`, text: message(errors[field.name]) as string }] : [])),
  ];
  const hasLetter = spec.fields.some((f) => f.kind === 'letter');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cases/${page.case.id}`}>{t('casework.backToCase', { reference: page.case.reference })}</BackLink>
        <ErrorSummary title={t('common.errorSummaryTitle')} errors={summary} />
        <span className="govuk-caption-l">{page.case.reference}</span>
        <h1 className="govuk-heading-l">{t(`casework.actions.${name}.title`)}</h1>
        <Form method="post" noValidate id="main-form">
          <CsrfInput />
          {spec.fields.map((field) => (
            <ActionField key={field.name} action={name} field={field} page={page} values={values} error={message(errors[field.name])} templates={page.templates} />
          ))}
          {result?.preview ? (
            <section aria-labelledby="letter-preview" className="govuk-!-margin-bottom-6">
              <h2 className="govuk-heading-m" id="letter-preview">
                {t('casework.letter.preview')}
              </h2>
              <InsetText>
                <p className="govuk-body govuk-!-font-weight-bold">{result.preview.subject}</p>
                <p className="govuk-body heard-letter" lang={result.preview.language}>
                  {result.preview.body}
                </p>
              </InsetText>
            </section>
          ) : null}
          <div className="govuk-button-group">
            <Button>{t(`casework.actions.${name}.submit`)}</Button>
            {hasLetter ? (
              <Button secondary name="intent" value="preview">
                {t('casework.letter.previewButton')}
              </Button>
            ) : null}
          </div>
        </Form>
      </div>
    </div>
  );
}
