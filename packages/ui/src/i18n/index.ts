import { domainMessages } from '@heard/domain';
import { cy } from './cy';
import { en } from './en';

export { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, i18nOptions, isSupportedLanguage } from './options';
export type { SupportedLanguage } from './options';

/**
 * Every string of both apps (the browser loads only its language: `@heard/ui/i18n/en`, `/cy`),
 * plus the domain's messages (flat keys like `errors.date.invalid`, which
 * i18next finds beside the nested ones), by area (`portal.start.title`), in English and
 * Welsh. One i18next namespace, so a key reads the same in code, in the JSON
 * and in the i18n parity test.
 */
export const resources = {
  en: { translation: { ...domainMessages.en, ...en } },
  cy: { translation: { ...domainMessages.cy, ...cy } },
} as const;

