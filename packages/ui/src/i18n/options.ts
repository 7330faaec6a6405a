/**
 * i18next's options and the languages, without the strings: the browser
 * imports this, then only its own language's strings (`./en` or `./cy`), so
 * a page never downloads both languages.
 */
export const SUPPORTED_LANGUAGES = ['en', 'cy'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: SupportedLanguage = 'en';

export function isSupportedLanguage(value: unknown): value is SupportedLanguage {
  return value === 'en' || value === 'cy';
}

/** i18next options shared by the server and the browser. */
export const i18nOptions = {
  supportedLngs: [...SUPPORTED_LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: 'translation',
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;
