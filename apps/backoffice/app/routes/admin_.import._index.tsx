import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import {
  redirect,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { Button, CsrfInput, ErrorSummary, FileUpload, type RouteHandle } from '@heard/ui';
import { getCaller, parseMultipartForm, verifyFormToken } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'reports.import.title' };

/** Uploads are written to disk as they arrive (never held in memory), up to 1 GiB. */
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
const UPLOAD_DIRECTORY = path.join(os.tmpdir(), 'heard-uploads');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const me = await requireSignedIn(request, () => api.staff.me());
  if (!me.permissions.includes('import:case:any')) throw new Response('Forbidden', { status: 403 });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const api = await getCaller(request, context);
  let originalName = '';
  let form: FormData;
  try {
    form = await parseMultipartForm(
      request,
      unstable_composeUploadHandlers(
        unstable_createFileUploadHandler({
          directory: UPLOAD_DIRECTORY,
          maxPartSize: MAX_UPLOAD_BYTES,
          avoidFileConflicts: true,
          file: ({ filename }) => {
            originalName = path.basename(filename);
            return `${randomUUID()}.csv`;
          },
        }),
        unstable_createMemoryUploadHandler({ maxPartSize: 10_000 }),
      ),
    );
  } catch (error) {
    if (error instanceof Error && /exceeded|too large|size/i.test(error.message)) return { errors: { file: 'reports.errors.fileTooLarge' } };
    // A body that is not the form it says it is (broken multipart): the sender's mistake, not ours.
    throw new Response('Bad request', { status: 400 });
  }
  verifyFormToken(request, form);
  const file = form.get('file');
  if (!file || typeof file === 'string' || originalName === '') return { errors: { file: 'reports.errors.fileRequired' } };
  const { id } = await requireSignedIn(request, () =>
    api.staff.report.importStart({ file: file as unknown as File, fileName: originalName, dryRun: form.get('dryRun') === 'yes' }),
  );
  return redirect(`/admin/import/${id}`);
}

/** Administrators upload a CSV file of historical cases; the import runs in the background and the next page follows it. */
export default function ImportUpload() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: { file?: string } = actionData?.errors ?? {};
  return (
    <>
      <ErrorSummary title={t('reports.errors.title')} errors={errors.file ? [{ href: '#file', text: t(errors.file) }] : []} />
      <span className="govuk-caption-l">{t('reports.import.caption')}</span>
      <h1 className="govuk-heading-l">{t('reports.import.title')}</h1>
      <p className="govuk-body">{t('reports.import.intro')}</p>
      <Form method="post" encType="multipart/form-data" action="/admin/import" reloadDocument>
        <CsrfInput />
        <FileUpload id="file" label={t('reports.import.file')} hint={t('reports.import.fileHint')} accept=".csv,text/csv" error={errors.file ? t(errors.file) : undefined} errorPrefix={t('common.errorPrefix')} />
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            <div className="govuk-checkboxes__item">
              <input className="govuk-checkboxes__input" id="dryRun" name="dryRun" type="checkbox" value="yes" />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="dryRun">
                {t('reports.import.dryRun')}
              </label>
            </div>
          </div>
        </div>
        <Button>{t('reports.import.submit')}</Button>
      </Form>
    </>
  );
}
