import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Pagination, Table, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { RagTag, useDate } from '~/components/rag-tag';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.logs.enquiries' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const cursor = new URL(request.url).searchParams.get('cursor');
  return { page: await requireSignedIn(request, () => api.staff.logs.enquiries({ cursor })), cursor };
}

/** Member, MP, Mayor, Chief Executive and general enquiries, newest first, with their deadlines. */
export default function EnquiriesLog() {
  const { page, cursor } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const date = useDate();
  return (
    <>
      <h1 className="govuk-heading-l">{t('casework.logs.enquiries')}</h1>
      <Table
        caption={t('casework.logs.caption', { number: page.rows.length })}
        columns={[{ header: t('casework.tracker.reference') }, { header: t('casework.tracker.type') }, { header: t('casework.triage.received') }, { header: t('casework.tracker.status') }, { header: t('casework.tracker.due') }, { header: t('casework.tracker.rag') }]}
        rows={page.rows.map((row) => [
          <a key={row.id} className="govuk-link" href={`/cases/${row.id}`}>
            {row.reference}
          </a>,
          t(`backoffice.caseTypes.${row.type}`),
          date(row.receivedOn),
          t(`status.${row.status}`),
          row.dueOn ? date(row.dueOn) : '',
          <RagTag key={`${row.id}-rag`} rag={row.rag} />,
        ])}
      />
      <Pagination
        nextHref={page.nextCursor ? `/logs/enquiries?cursor=${encodeURIComponent(page.nextCursor)}` : null}
        firstHref={cursor ? '/logs/enquiries' : null}
        labels={{ next: t('casework.pagination.next'), first: t('casework.pagination.first'), navigation: t('casework.pagination.label') }}
      />
    </>
  );
}
