import { formatDate } from '@heard/domain';
import { Tag, type TagColour } from '@heard/ui';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<string, TagColour> = {
  red: 'red',
  amber: 'yellow',
  green: 'green',
  met: 'green',
  missed: 'red',
  awaiting_agreed_statement: 'purple',
  awaiting: 'grey',
  paused: 'blue',
  no_deadline: 'grey',
};

/** A deadline's RAG state as a GOV.UK tag, in words (never colour alone). */
export function RagTag({ rag }: { rag: string }) {
  const { t } = useTranslation();
  return (
    <span className="heard-rag">
      <Tag colour={COLOURS[rag] ?? 'grey'}>{t(`casework.rag.${rag}`)}</Tag>
    </span>
  );
}

/** A calendar date written out in the page's language: 16 June 2025 / 16 Mehefin 2025. */
export function useDate() {
  const { i18n } = useTranslation();
  const language = i18n.language === 'cy' ? 'cy' : 'en';
  return (date: string | null | undefined) => (date ? formatDate(date, language, { weekday: false }) : '');
}
