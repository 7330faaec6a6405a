import { createCookie } from '@remix-run/node';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, i18nOptions, isSupportedLanguage, resources, type SupportedLanguage } from '../i18n/index';
import { createInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RemixI18Next } from 'remix-i18next/server';

/** Remembers a chosen language for a year; it holds nothing personal. */
export const languageCookie = createCookie('heard_lang', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

/** `?lang=cy` (the toggle), then the remembered choice, then the browser's languages. */
export const languageDetector = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LANGUAGES],
    fallbackLanguage: DEFAULT_LANGUAGE,
    cookie: languageCookie,
    searchParamKey: 'lang',
    order: ['searchParams', 'cookie', 'header'],
  },
});

export async function detectLanguage(request: Request): Promise<SupportedLanguage> {
  const locale = await languageDetector.getLocale(request);
  return isSupportedLanguage(locale) ? locale : DEFAULT_LANGUAGE;
}

/** The i18next of server renders in one language (shared by its requests; the other language has its own). */
export async function createServerI18n(language: SupportedLanguage) {
  // One instance per language for the life of the process: nothing changes its
  // language or resources after start-up, and making one per request cost
  // about 2 ms of CPU per page (measured by `pnpm bench`).
  let instance = serverInstances.get(language);
  if (!instance) {
    instance = (async () => {
      const created = createInstance();
      await created.use(initReactI18next).init({ ...i18nOptions, lng: language, resources });
      return created;
    })();
    serverInstances.set(language, instance);
  }
  return instance;
}
const serverInstances = new Map<SupportedLanguage, Promise<ReturnType<typeof createInstance>>>();

/** Translate on the server outside React (page titles in `meta`, error lines). */
export async function serverT(request: Request) {
  const language = await detectLanguage(request);
  return { language, t: (await createServerI18n(language)).t };
}
