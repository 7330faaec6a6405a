import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Table, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { RagTag, useDate } from '~/components/rag-tag';
import { requireSignedIn } from '~/lib/session.server';
import { trackerSearch } from '~/lib/tracker';

export const handle: RouteHandle = { titleKey: 'casework.review.title' };

const COLUMNS = ['red', 'amber', 'green', 'awaiting_agreed_statement', 'awaiting', 'paused', 'no_deadline', 'met', 'missed'] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const [review, me] = await requireSignedIn(request, () => Promise.all([api.staff.tracker.review(), api.staff.me()]));
  return { ...review, canOpen: me.permissions.some((p) => p.startsWith('read:case')) };
}

/** The directorate management team's weekly review: open cases by division and RAG, and the oldest overdue. */
export default function Review() {
  const review = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const date = useDate();
  const used = COLUMNS.filter((rag) => review.divisions.some((d) => d.counts[rag]));
  const link = (divisionId: string | null, rag: string, count: number | undefined) =>
    count ? (
      <a className="govuk-link" href={`/tracker?${trackerSearch(divisionId ? { divisionId, rag } : { rag })}`}>
        {count}
        <span className="govuk-visually-hidden"> {t(`casework.rag.${rag}`)}</span>
      </a>
    ) : (
      '0'
    );
  return (
    <>
      <h1 className="govuk-heading-l">{t('casework.review.title')}</h1>
      <p className="govuk-body">{t('casework.review.asOf', { date: date(review.today) })}</p>
      <Table
        caption={t('casework.review.byDivision')}
        columns={[{ header: t('casework.tracker.division') }, ...used.map((rag) => ({ header: t(`casework.rag.${rag}`), numeric: true })), { header: t('casework.review.total'), numeric: true }]}
        rows={review.divisions.map((d) => [d.divisionName ?? t('casework.review.noDivision'), ...used.map((rag) => link(d.divisionId, rag, d.counts[rag])), String(d.total)])}
      />
      <Table
        caption={t('casework.review.oldestOverdue')}
        columns={[{ header: t('casework.tracker.reference') }, { header: t('casework.tracker.type') }, { header: t('casework.tracker.owner') }, { header: t('casework.tracker.due') }, { header: t('casework.tracker.rag') }]}
        rows={review.oldestOverdue.map((row) => [
          review.canOpen ? (
            <a key={row.id} className="govuk-link" href={`/cases/${row.id}`}>
              {row.reference}
            </a>
          ) : (
            row.reference
          ),
          t(`backoffice.caseTypes.${row.type}`),
          row.ownerName ?? t('casework.tracker.unassigned'),
          date(row.dueOn),
          <RagTag key={`${row.id}-rag`} rag={row.rag} />,
        ])}
      />
      {review.oldestOverdue.length === 0 ? <p className="govuk-body">{t('casework.review.noneOverdue')}</p> : null}
    </>
  );
}
