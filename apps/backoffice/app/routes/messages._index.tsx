import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Button, ErrorSummary, Pagination, Select, Table, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { MessageStatusTag, messageState, useDateTime, useTemplateLabel } from '~/components/messages';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'messages.list.title' };

const STATUSES = ['pending', 'sending', 'sent', 'held', 'failed'] as const;
const CHANNELS = ['email', 'sms'] as const;
type Status = (typeof STATUSES)[number];
type Channel = (typeof CHANNELS)[number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The filters and page from the address: `status`, `channel` and `before`
 * (the last message of the previous page, `<time>_<id>`). A value that is not
 * one of the choices is dropped with a message saying so, and the rest of
 * the page still shows.
 */
function readQuery(params: URLSearchParams) {
  const errors: Record<string, string> = {};
  const status = params.get('status') || undefined;
  const channel = params.get('channel') || undefined;
  const before = params.get('before') || undefined;
  const query: { status?: Status; channel?: Channel; before?: { createdAt: Date; id: string } } = {};
  if (status !== undefined) {
    if ((STATUSES as readonly string[]).includes(status)) query.status = status as Status;
    else errors.status = 'messages.list.errors.status';
  }
  if (channel !== undefined) {
    if ((CHANNELS as readonly string[]).includes(channel)) query.channel = channel as Channel;
    else errors.channel = 'messages.list.errors.channel';
  }
  if (before !== undefined) {
    const [time = '', id = ''] = before.split('_');
    const createdAt = new Date(time);
    if (!Number.isNaN(createdAt.getTime()) && UUID.test(id)) query.before = { createdAt, id };
    else errors.before = 'messages.list.errors.cursor';
  }
  return { query, errors };
}

function href(filters: { status?: string | undefined; channel?: string | undefined }, before?: { createdAt: Date | string; id: string }) {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.channel) params.set('channel', filters.channel);
  if (before) params.set('before', `${new Date(before.createdAt).toISOString()}_${before.id}`);
  const search = params.toString();
  return search ? `/messages?${search}` : '/messages';
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { query, errors } = readQuery(new URL(request.url).searchParams);
  const api = await getCaller(request, context);
  const page = await requireSignedIn(request, () => api.staff.messages.list({ ...query, limit: 25 }));
  return { page, filters: { status: query.status, channel: query.channel }, paged: query.before !== undefined, errors };
}

/** "Sent messages": the outbox, newest first, by status and channel, 25 a page. */
export default function SentMessages() {
  const { page, filters, paged, errors } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const templateLabel = useTemplateLabel();
  const filtered = Boolean(filters.status || filters.channel);
  const fieldOf: Record<string, string> = { status: '#status', channel: '#channel', before: '#messages' };
  return (
    <>
      <ErrorSummary
        title={t('common.errorSummaryTitle')}
        errors={Object.entries(errors).map(([field, key]) => ({ href: fieldOf[field] ?? '#main-content', text: t(key) }))}
      />
      <h1 className="govuk-heading-l">{t('messages.list.title')}</h1>
      <p className="govuk-body">{t('messages.list.intro')}</p>

      <Table
        caption={t('messages.list.countsCaption')}
        captionSize="s"
        columns={[{ header: t('messages.list.statusColumn') }, { header: t('messages.list.count'), numeric: true }]}
        rows={STATUSES.map((status) => [
          t(`messages.status.${status}`),
          <span key={status} data-testid={`count-${status}`}>
            {page.counts[status]}
          </span>,
        ])}
      />

      <form method="get" action="/messages">
        <h2 className="govuk-heading-m">{t('messages.list.filters')}</h2>
        <Select
          id="status"
          label={t('messages.list.status')}
          errorPrefix={t('common.errorPrefix')}
          error={errors.status ? t(errors.status) : undefined}
          emptyLabel={t('messages.list.anyStatus')}
          options={STATUSES.map((status) => ({ value: status, label: t(`messages.status.${status}`) }))}
          defaultValue={filters.status ?? ''}
        />
        <Select
          id="channel"
          label={t('messages.list.channel')}
          errorPrefix={t('common.errorPrefix')}
          error={errors.channel ? t(errors.channel) : undefined}
          emptyLabel={t('messages.list.anyChannel')}
          options={CHANNELS.map((channel) => ({ value: channel, label: t(`messages.channel.${channel}`) }))}
          defaultValue={filters.channel ?? ''}
        />
        <div className="govuk-button-group">
          <Button secondary preventDoubleClick={false}>
            {t('messages.list.apply')}
          </Button>
          {filtered ? (
            <a className="govuk-link" href="/messages">
              {t('messages.list.clear')}
            </a>
          ) : null}
        </div>
      </form>

      <div id="messages">
        {page.rows.length === 0 ? (
          <p className="govuk-body" data-testid="no-messages">
            {filtered || paged ? t('messages.list.noMatch') : t('messages.list.empty')}
          </p>
        ) : (
          <Table
            caption={t('messages.list.caption')}
            columns={[
              { header: t('messages.list.message') },
              { header: t('messages.list.recipient') },
              { header: t('messages.list.queuedAt') },
              { header: t('messages.list.case') },
              { header: t('messages.list.language') },
              { header: t('messages.list.statusColumn') },
            ]}
            rows={page.rows.map((row) => [
              <a key={row.id} className="govuk-link" href={`/messages/${row.id}`}>
                {templateLabel(row.template)}
                <span className="govuk-visually-hidden">
                  {' '}
                  {t('messages.list.linkHidden', { recipient: row.recipient, time: dateTime(row.createdAt) })}
                </span>
              </a>,
              <span key="to" className="govuk-!-text-break-word">
                {row.recipient}
                <br />
                <span className="govuk-body-s">{t(`messages.channel.${row.channel}`)}</span>
              </span>,
              dateTime(row.createdAt),
              row.caseId && row.reference ? (
                <a key="case" className="govuk-link" href={`/cases/${row.caseId}`}>
                  {row.reference}
                </a>
              ) : (
                ''
              ),
              t(`messages.language.${row.language}`),
              <MessageStatusTag key="status" state={messageState(row)} />,
            ])}
          />
        )}
      </div>
      <Pagination
        nextHref={page.next ? href(filters, page.next) : null}
        firstHref={paged ? href(filters) : null}
        labels={{ next: t('messages.pagination.next'), first: t('messages.pagination.first'), navigation: t('messages.pagination.label') }}
      />
    </>
  );
}
