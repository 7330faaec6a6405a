import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { FORM_ERROR, toFormErrors } from '@heard/api/errors';
import { BackLink, Button, CsrfInput, ErrorSummary, FileUpload, Textarea, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { requireSession } from '~/lib/errors.server';
import { fileFrom, readVerifiedUpload, UploadTooLarge } from '~/lib/form.server';

export const handle: RouteHandle = { titleKey: 'portal.add.title' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const reference = new URL(request.url).searchParams.get('reference') ?? undefined;
  const api = await getCaller(request, context);
  const view = await requireSession(request, reference ? '/advocate/sign-in' : '/track', () => api.public.track.view(reference ? { reference } : {}));
  if (!view.actions.addInformation) throw redirect(`/track/case${reference ? `?reference=${encodeURIComponent(reference)}` : ''}`);
  return { reference: view.reference, query: reference ? `?reference=${encodeURIComponent(reference)}` : '' };
}

/** Adds information and, if chosen, a document (checked by its content) to the case. */
export async function action({ request, context }: ActionFunctionArgs) {
  const reference = new URL(request.url).searchParams.get('reference') ?? undefined;
  let form: FormData;
  try {
    form = await readVerifiedUpload(request);
  } catch (error) {
    if (error instanceof UploadTooLarge) return data({ errors: { file: 'portal.errors.file.tooBig' } as Record<string, string>, params: {}, message: '' }, { status: 400 });
    throw error;
  }
  const message = String(form.get('message') ?? '');
  const api = await getCaller(request, context);
  try {
    const file = await fileFrom(form, 'file');
    await api.public.track.addInformation({ reference, message, files: file ? [file] : [] });
    return redirect(`/track/case?done=added${reference ? `&reference=${encodeURIComponent(reference)}` : ''}`);
  } catch (error) {
    const failure = toFormErrors(error);
    if (failure.status === 401) throw redirect(reference ? '/advocate/sign-in' : '/track');
    return data({ errors: failure.errors, params: failure.params, message }, { status: failure.status });
  }
}

export default function AddInformation() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const messageError = result?.errors.message ?? result?.errors[FORM_ERROR];
  const fileError = result?.errors.file;
  const errors = [
    ...(messageError ? [{ href: '#message', text: t(messageError, { max: 5000, ...result?.params }) }] : []),
    ...(fileError ? [{ href: '#file', text: t(fileError, { max: 10 }) }] : []),
  ];
  return (
    <>
      <BackLink href={`/track/case${loaded.query}`}>{t('common.back')}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={t('common.errorSummaryTitle')} errors={errors} />
          <span className="govuk-caption-l">{loaded.reference}</span>
          <h1 className="govuk-heading-l">{t('portal.add.title')}</h1>
          <Form method="post" encType="multipart/form-data">
            <CsrfInput />
            <Textarea
              id="message"
              label={t('portal.add.message')}
              hint={t('portal.add.messageHint')}
              error={messageError ? t(messageError, { max: 5000, ...result?.params }) : undefined}
              errorPrefix={t('common.errorPrefix')}
              rows={6}
              maxLength={5000}
              countMessage={t('portal.shared.characterLimit', { max: 5000 })}
              defaultValue={result?.message ?? ''}
            />
            <FileUpload
              id="file"
              label={t('portal.add.file')}
              hint={t('portal.shared.fileRules')}
              error={fileError ? t(fileError, { max: 10 }) : undefined}
              errorPrefix={t('common.errorPrefix')}
              accept=".pdf,.doc,.docx,.odt,.txt,.jpg,.jpeg,.png,.heic"
            />
            <Button>{t('portal.add.submit')}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
