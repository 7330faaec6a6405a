import { isIsoDate, weekdayOf } from '../calendar/iso-date';
import type { IsoDate } from '../calendar/iso-date';
import type { Language } from '../vocabulary';
import { MONTHS_CY, MONTHS_EN, WEEKDAYS_CY, WEEKDAYS_EN } from './messages/dates';
import { deadlineCy, deadlineEn } from './messages/deadline';
import { eligibilityCy, eligibilityEn } from './messages/eligibility';
import { errorsCy, errorsEn } from './messages/errors';
import { lifecycleCy, lifecycleEn } from './messages/lifecycle';

/**
 * The domain's message catalogue, in English and Welsh, keyed like
 * `errors.date.invalid`. Interpolation is i18next's `{{name}}`, so the apps
 * can load `domainMessages.en` / `domainMessages.cy` as an i18next namespace
 * (flat keys: i18next finds dotted keys in a flat object). A test keeps the
 * two languages' keys and variables identical.
 */
const en = {
  ...errorsEn,
  ...deadlineEn,
  ...eligibilityEn,
  ...lifecycleEn,
} as const;

/** Every message key the domain produces. */
export type DomainMessageKey = keyof typeof en;

const cy: Record<DomainMessageKey, string> = {
  ...errorsCy,
  ...deadlineCy,
  ...eligibilityCy,
  ...lifecycleCy,
};

export const domainMessages: {
  readonly en: Readonly<Record<DomainMessageKey, string>>;
  readonly cy: Readonly<Record<DomainMessageKey, string>>;
} = {
  en,
  cy,
};

/** Message parameters: interpolated as text. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A message to show: its key and parameters, rendered by `formatMessage` or i18next. */
export type DomainMessage = { key: DomainMessageKey; params: MessageParams };

/** True when `key` is in the catalogue. */
export function isDomainMessageKey(key: unknown): key is DomainMessageKey {
  return typeof key === 'string' && Object.hasOwn(en, key);
}

/**
 * Renders a message in English or Welsh. A missing parameter is left as
 * `{{name}}` so the gap is visible rather than silently blank.
 *
 * @example formatMessage('cy', 'errors.text.tooLong', { max: 500 }) // 'Rhaid iddo fod yn 500 nod neu lai'
 */
export function formatMessage(language: Language, key: DomainMessageKey, params: MessageParams = {}): string {
  const template = domainMessages[language][key];
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * A message's parameters in a language: by their names, dates (`date`,
 * `...On`) are written out ("29 March 2024" / "29 Mawrth 2024"), and
 * `status`, `stage`, `next`, `current` and `outcome` codes become their
 * labels. Everything else is left as it is (free text is never translated).
 *
 * @example localiseParams({ closesOn: '2024-02-12' }, 'cy') // { closesOn: '12 Chwefror 2024' }
 */
export function localiseParams(params: MessageParams, language: Language): MessageParams {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const label = (prefix: string) => {
      const key = `${prefix}.${String(value)}`;
      return isDomainMessageKey(key) ? domainMessages[language][key] : value;
    };
    if ((name === 'date' || name.endsWith('On')) && typeof value === 'string' && isIsoDate(value))
      out[name] = formatDate(value, language, { weekday: false });
    else if (name === 'status') out[name] = label('status');
    else if (name === 'stage' || name === 'next' || name === 'current') out[name] = label('stage');
    else if (name === 'outcome') out[name] = label('outcome');
    else out[name] = value;
  }
  return out;
}

/**
 * A domain message (a refusal, a flag, an error) as text in a language,
 * its parameters localised first.
 *
 * @example renderMessage({ key: 'refusal.escalationWindowClosed', params: { closesOn: '2024-02-12' } }, 'en')
 * // 'The window to ask for the next stage closed on 12 February 2024. Record a reason to accept a late request.'
 */
export function renderMessage(message: DomainMessage, language: Language): string {
  return formatMessage(language, message.key, localiseParams(message.params, language));
}

/** The `{{variables}}` of a template, sorted: the catalogue test compares them across languages. */
export function listMessageVariables(template: string): string[] {
  return [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string).sort();
}

/**
 * A date written out for people: "Friday 29 March 2024" or, in Welsh,
 * "Dydd Gwener 29 Mawrth 2024". Without the weekday: "29 March 2024".
 *
 * @example formatDate('2024-03-29', 'cy') // 'Dydd Gwener 29 Mawrth 2024'
 */
export function formatDate(date: IsoDate, language: Language, options: { weekday?: boolean } = {}): string {
  if (!isIsoDate(date)) return String(date);
  const months = language === 'cy' ? MONTHS_CY : MONTHS_EN;
  const weekdays = language === 'cy' ? WEEKDAYS_CY : WEEKDAYS_EN;
  const text = `${Number(date.slice(8, 10))} ${months[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}`;
  return options.weekday === false ? text : `${weekdays[weekdayOf(date) - 1] ?? ''} ${text}`;
}
