import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BackLink, SummaryList, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { MessageStatusTag, messageState, useDateTime, useTemplateLabel } from '~/components/messages';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'messages.detail.title' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // An address that cannot be a message is "not found", as one of another council is.
  if (!UUID.test(params.id ?? '')) throw new Response('Not found', { status: 404 });
  const api = await getCaller(request, context);
  return { message: await requireSignedIn(request, () => api.staff.messages.get({ id: params.id! })) };
}

/** Paragraphs as written: blank lines between them, single line breaks kept. */
function Text({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index} className="govuk-body govuk-!-text-break-word">
          {paragraph.split('\n').map((line, lineIndex) => (
            <span key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

/** One message: to whom, what, in which language, what happened to it (attempts, last error), and its words as sent. */
export default function SentMessage() {
  const { message } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const templateLabel = useTemplateLabel();
  const state = messageState(message);
  const retrying = state === 'pending' && message.attempts > 0;
  const none = t('messages.detail.none');
  return (
    <>
      <BackLink href="/messages">{t('messages.detail.back')}</BackLink>
      <span className="govuk-caption-l govuk-!-text-break-word">{t('messages.detail.caption', { recipient: message.recipient })}</span>
      <h1 className="govuk-heading-l">{templateLabel(message.template)}</h1>
      <SummaryList
        rows={[
          {
            key: t('messages.detail.status'),
            value: (
              <>
                <MessageStatusTag state={state} />
                <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0" data-testid="status-hint">
                  {t(`messages.statusHint.${retrying ? 'retrying' : state}`)}
                </p>
              </>
            ),
          },
          { key: t('messages.detail.recipient'), value: <span className="govuk-!-text-break-word">{message.recipient}</span> },
          { key: t('messages.detail.channel'), value: t(`messages.channel.${message.channel}`) },
          { key: t('messages.detail.template'), value: templateLabel(message.template) },
          { key: t('messages.detail.language'), value: t(`messages.language.${message.language}`) },
          {
            key: t('messages.detail.case'),
            value:
              message.caseId && message.reference ? (
                <a className="govuk-link" href={`/cases/${message.caseId}`}>
                  {message.reference}
                </a>
              ) : (
                none
              ),
          },
          { key: t('messages.detail.queuedAt'), value: dateTime(message.createdAt) },
          { key: t('messages.detail.attempts'), value: <span data-testid="attempts">{message.attempts}</span> },
          ...(retrying ? [{ key: t('messages.detail.nextAttemptAt'), value: dateTime(message.nextAttemptAt) }] : []),
          { key: t('messages.detail.handedAt'), value: message.handedAt ? dateTime(message.handedAt) : none },
          { key: t('messages.detail.sentAt'), value: message.sentAt ? dateTime(message.sentAt) : none },
          { key: t('messages.detail.provider'), value: message.provider ? t(`messages.providers.${message.provider}`) : none },
          ...(message.providerReference
            ? [
                {
                  key: t('messages.detail.providerReference'),
                  value: <span className="govuk-!-text-break-word">{message.providerReference}</span>,
                },
              ]
            : []),
          ...(message.resends > 0 ? [{ key: t('messages.detail.resends'), value: String(message.resends) }] : []),
          {
            key: t('messages.detail.lastError'),
            value: (
              <span data-testid="last-error" className="govuk-!-text-break-word">
                {message.lastError ?? none}
              </span>
            ),
          },
          { key: t('messages.detail.key'), value: <code className="govuk-!-text-break-word">{message.idempotencyKey}</code> },
        ]}
      />
      <h2 className="govuk-heading-m">{t('messages.detail.contentHeading')}</h2>
      {message.body ? (
        <div data-testid="message-content">
          {message.subject ? (
            <>
              <h3 className="govuk-heading-s">{t('messages.detail.subject')}</h3>
              <p className="govuk-body govuk-!-text-break-word" lang={message.language}>
                {message.subject}
              </p>
            </>
          ) : null}
          <h3 className="govuk-heading-s">{t('messages.detail.body')}</h3>
          <div className="govuk-inset-text" lang={message.language}>
            <Text text={message.body} />
          </div>
        </div>
      ) : (
        <p className="govuk-body">{t('messages.detail.notWritten')}</p>
      )}
    </>
  );
}
