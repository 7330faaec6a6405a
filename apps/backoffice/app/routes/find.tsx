import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { describeApiError } from '@heard/api/errors';
import { Button, ErrorSummary, TextInput, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.find.title' };

/** Find a case by its reference (as read out on the phone: spaces and look-alike characters are forgiven). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const reference = url.searchParams.get('reference');
  const then = url.searchParams.get('then') === 'access' ? 'access' : 'case';
  if (!reference) return { reference: '', error: null as string | null, then };
  const api = await getCaller(request, context);
  try {
    const found = await requireSignedIn(request, () => api.staff.case.find({ reference }));
    return redirect(then === 'access' ? `/cases/${found.caseId}/access` : `/cases/${found.caseId}`);
  } catch (error) {
    if (error instanceof Response) {
      if (error.status === 404) return { reference, error: 'casework.errors.caseNotFound', then };
      throw error;
    }
    const described = describeApiError(error);
    if (described.status >= 500) throw error;
    return { reference, error: described.fieldErrors.reference ?? described.messageKey, then };
  }
}

export default function Find() {
  const { reference, error, then } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary title={t('common.errorSummaryTitle')} errors={error ? [{ href: '#reference', text: t(error) }] : []} />
        <Form method="get">
          <input type="hidden" name="then" value={then} />
          <TextInput
            id="reference"
            label={t('casework.find.title')}
            labelIsPageHeading
            hint={t('casework.find.hint')}
            error={error ? t(error) : undefined}
            errorPrefix={t('common.errorPrefix')}
            defaultValue={reference}
            spellCheck={false}
            autoComplete="off"
          />
          <Button>{t('casework.find.submit')}</Button>
        </Form>
      </div>
    </div>
  );
}
