import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { ZSubjectAccessSearchForm, type TSubjectAccessQuery } from '@heard/domain';
import { Button, CsrfInput, DateInput, ErrorSummary, Table, TextInput, WarningText, type RouteHandle } from '@heard/ui';
import { getCaller, readVerifiedForm } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { useDate } from '~/components/rag-tag';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'messages.subjectAccess.title' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const me = await requireSignedIn(request, () => api.staff.me());
  if (!me.permissions.includes('export:subject-access:any')) throw new Response('Forbidden', { status: 403 });
  return null;
}

type Values = { email: string; phone: string; name: string; dateOfBirth: { day: string; month: string; year: string } };

function readValues(form: FormData): Values {
  const text = (name: string) => String(form.get(name) ?? '');
  return {
    email: text('email'),
    phone: text('phone'),
    name: text('name'),
    dateOfBirth: { day: text('dateOfBirth-day'), month: text('dateOfBirth-month'), year: text('dateOfBirth-year') },
  };
}

/**
 * Checks the form with the same schema as the API (each message on its
 * field), then asks what is held. The search is audited by the API; nothing
 * else changes.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const values = readValues(form);
  const parsed = ZSubjectAccessSearchForm.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.map(String).join('.') || FORM_ERROR] ??= issue.message;
    return data({ values, errors, params: {}, query: null, found: null }, { status: 400 });
  }
  const query: TSubjectAccessQuery = parsed.data;
  const api = await getCaller(request, context);
  try {
    const found = await requireSignedIn(request, () => api.staff.subjectAccess.search(query));
    return { values, errors: {} as Record<string, string>, params: {}, query, found };
  } catch (error) {
    if (error instanceof Response) throw error;
    const failure = toFormErrors(error);
    return data({ values, errors: failure.errors, params: failure.params, query: null, found: null }, { status: failure.status });
  }
}

const FIELD_ANCHORS: Record<string, string> = {
  email: '#email',
  phone: '#phone',
  name: '#name',
  dateOfBirth: '#dateOfBirth-day',
  'dateOfBirth.day': '#dateOfBirth-day',
  'dateOfBirth.month': '#dateOfBirth-month',
  'dateOfBirth.year': '#dateOfBirth-year',
};

/** Subject access: find what Heard holds about a person, check it, and download it as a zip file. */
export default function SubjectAccess() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const date = useDate();
  const errors = result?.errors ?? {};
  const values = result?.values;
  const message = (field: string) => (errors[field] ? t(errors[field], result?.params) : undefined);
  const dateError = message('dateOfBirth') ?? message('dateOfBirth.day') ?? message('dateOfBirth.month') ?? message('dateOfBirth.year');
  const summary = Object.entries(errors).map(([field, key]) => ({ href: FIELD_ANCHORS[field] ?? '#email', text: t(key, result?.params) }));
  const found = result?.found;
  const query = result?.query;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <ErrorSummary title={t('common.errorSummaryTitle')} errors={summary} />
        <h1 className="govuk-heading-l">{t('messages.subjectAccess.title')}</h1>
        <p className="govuk-body">{t('messages.subjectAccess.intro')}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <h2 className="govuk-heading-m">{t('messages.subjectAccess.legend')}</h2>
          <p className="govuk-body">{t('messages.subjectAccess.hint')}</p>
          <TextInput
            id="email"
            label={t('messages.subjectAccess.email')}
            type="email"
            spellCheck={false}
            autoComplete="off"
            defaultValue={values?.email}
            error={message('email') ?? message(FORM_ERROR)}
            errorPrefix={t('common.errorPrefix')}
          />
          <TextInput
            id="phone"
            label={t('messages.subjectAccess.phone')}
            type="tel"
            autoComplete="off"
            className="govuk-input--width-20"
            defaultValue={values?.phone}
            error={message('phone')}
            errorPrefix={t('common.errorPrefix')}
          />
          <TextInput
            id="name"
            label={t('messages.subjectAccess.name')}
            autoComplete="off"
            spellCheck={false}
            defaultValue={values?.name}
            error={message('name')}
            errorPrefix={t('common.errorPrefix')}
          />
          <DateInput
            name="dateOfBirth"
            legend={t('messages.subjectAccess.dateOfBirth')}
            hint={t('messages.subjectAccess.dateOfBirthHint')}
            labels={{
              day: t('messages.subjectAccess.day'),
              month: t('messages.subjectAccess.month'),
              year: t('messages.subjectAccess.year'),
            }}
            defaultValue={values?.dateOfBirth}
            error={dateError}
            errorPrefix={t('common.errorPrefix')}
          />
          <Button>{t('messages.subjectAccess.search')}</Button>
        </Form>

        {found && query ? (
          <section aria-labelledby="results-heading" data-testid="results">
            <h2 className="govuk-heading-m" id="results-heading">
              {t('messages.subjectAccess.resultsHeading')}
            </h2>
            {found.cases.length === 0 && found.otherMessages === 0 && found.drafts === 0 && found.accounts === 0 ? (
              <p className="govuk-body" data-testid="nothing-found">
                {t('messages.subjectAccess.nothingFound')}
              </p>
            ) : (
              <>
                {found.people.length > 0 ? (
                  <Table
                    caption={t('messages.subjectAccess.peopleCaption')}
                    captionSize="s"
                    columns={[
                      { header: t('messages.subjectAccess.reference') },
                      { header: t('messages.subjectAccess.role') },
                      { header: t('messages.subjectAccess.name') },
                      { header: t('messages.subjectAccess.contact') },
                      { header: t('messages.subjectAccess.dateOfBirth') },
                    ]}
                    rows={found.people.map((person) => [
                      person.caseReference,
                      t(`messages.subjectAccess.roles.${person.role}`, { defaultValue: person.role }),
                      person.name ?? t('messages.subjectAccess.notGiven'),
                      <span key="contact" className="govuk-!-text-break-word">
                        {[person.email, person.phone].filter(Boolean).join(', ') || t('messages.subjectAccess.notGiven')}
                      </span>,
                      person.dateOfBirth ? date(person.dateOfBirth) : t('messages.subjectAccess.notGiven'),
                    ])}
                  />
                ) : null}
                {found.cases.length > 0 ? (
                  <Table
                    caption={t('messages.subjectAccess.casesCaption')}
                    captionSize="s"
                    columns={[
                      { header: t('messages.subjectAccess.reference') },
                      { header: t('messages.subjectAccess.type') },
                      { header: t('messages.subjectAccess.received') },
                      { header: t('messages.subjectAccess.caseStatus') },
                      { header: t('messages.subjectAccess.records') },
                    ]}
                    rows={found.cases.map((c) => [
                      <a key={c.id} className="govuk-link" href={`/cases/${c.id}`}>
                        {c.reference}
                      </a>,
                      t(`backoffice.caseTypes.${c.type}`, { defaultValue: c.type }),
                      date(c.receivedOn),
                      t(`status.${c.status}`, { defaultValue: c.status }),
                      t('messages.subjectAccess.recordCounts', {
                        events: c.events,
                        messages: c.messages,
                        letters: c.letters,
                        documents: c.documents,
                      }),
                    ])}
                  />
                ) : null}
                <p className="govuk-body" data-testid="also-held">
                  {t('messages.subjectAccess.also', { messages: found.otherMessages, drafts: found.drafts, accounts: found.accounts })}
                </p>
              </>
            )}
            <p className="govuk-body">
              {t('messages.subjectAccess.readmeLanguage', { language: t(`messages.language.${found.language}`) })}
            </p>
            <WarningText assistive={t('messages.subjectAccess.warning')}>{t('messages.subjectAccess.checkOthers')}</WarningText>
            {/* A plain form (not Remix's): the browser itself receives the zip file and saves it. */}
            <form method="post" action="/subject-access/download">
              <CsrfInput />
              {query.email ? <input type="hidden" name="email" value={query.email} /> : null}
              {query.phone ? <input type="hidden" name="phone" value={query.phone} /> : null}
              {query.name ? <input type="hidden" name="name" value={query.name} /> : null}
              {query.dateOfBirth ? <input type="hidden" name="dateOfBirth" value={query.dateOfBirth} /> : null}
              <Button preventDoubleClick={false}>{t('messages.subjectAccess.download')}</Button>
            </form>
          </section>
        ) : null}
      </div>
    </div>
  );
}
