import { formatDate, toUkDate } from '@heard/domain';
import { Tag, type TagColour } from '@heard/ui';
import { useTranslation } from 'react-i18next';

/** A message's state as the pages name it: `sending` splits into taken by a worker, and handed to the provider. */
export type MessageState = 'pending' | 'sending' | 'handed' | 'sent' | 'held' | 'failed';

export function messageState(message: { status: string; handedAt: Date | string | null }): MessageState {
  if (message.status === 'sending') return message.handedAt ? 'handed' : 'sending';
  return message.status as MessageState;
}

const COLOURS: Record<MessageState, TagColour> = {
  pending: 'grey',
  sending: 'blue',
  handed: 'blue',
  sent: 'green',
  held: 'yellow',
  failed: 'red',
};

/** The state as a GOV.UK tag, in words (never colour alone). */
export function MessageStatusTag({ state }: { state: MessageState }) {
  const { t } = useTranslation();
  return <Tag colour={COLOURS[state]}>{t(`messages.status.${state}`)}</Tag>;
}

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A moment written out in UK time in the page's language, the same on the server and in the browser: 9 July 2025, 11:05. */
export function useDateTime() {
  const { i18n } = useTranslation();
  const language = i18n.language === 'cy' ? 'cy' : 'en';
  return (value: Date | string | null | undefined) => {
    if (!value) return '';
    const moment = new Date(value);
    return `${formatDate(toUkDate(moment), language, { weekday: false })}, ${LONDON_TIME.format(moment)}`;
  };
}

/** A template's name; one the pages do not know is shown as its code. */
export function useTemplateLabel() {
  const { t, i18n } = useTranslation();
  return (template: string) => (i18n.exists(`messages.templates.${template}`) ? t(`messages.templates.${template}`) : template);
}
