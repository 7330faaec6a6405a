import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Pagination, Table, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { useDate } from '~/components/rag-tag';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.logs.compliments' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const cursor = new URL(request.url).searchParams.get('cursor');
  return { page: await requireSignedIn(request, () => api.staff.logs.compliments({ cursor })), cursor };
}

/** The compliments log: the service, and whether each may be shared. */
export default function ComplimentsLog() {
  const { page, cursor } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const date = useDate();
  return (
    <>
      <h1 className="govuk-heading-l">{t('casework.logs.compliments')}</h1>
      <Table
        caption={t('casework.logs.caption', { number: page.rows.length })}
        columns={[{ header: t('casework.tracker.reference') }, { header: t('casework.triage.received') }, { header: t('casework.tracker.service') }, { header: t('casework.case.mayShare') }, { header: t('casework.tracker.status') }]}
        rows={page.rows.map((row) => [
          <a key={row.id} className="govuk-link" href={`/cases/${row.id}`}>
            {row.reference}
          </a>,
          date(row.receivedOn),
          row.serviceName ?? t('casework.notSet'),
          row.mayShare === null ? t('casework.notSet') : t(`casework.options.yesNo.${row.mayShare ? 'yes' : 'no'}`),
          t(`status.${row.status}`),
        ])}
      />
      <Pagination
        nextHref={page.nextCursor ? `/logs/compliments?cursor=${encodeURIComponent(page.nextCursor)}` : null}
        firstHref={cursor ? '/logs/compliments' : null}
        labels={{ next: t('casework.pagination.next'), first: t('casework.pagination.first'), navigation: t('casework.pagination.label') }}
      />
    </>
  );
}
