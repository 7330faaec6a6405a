import { RemixBrowser } from '@remix-run/react';
import { hasActionErrors, PageStateProvider } from '../components/page-state';
import { i18nOptions } from '../i18n/options';
import i18next from 'i18next';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';

/**
 * Only pages that ask for it (`handle.hydrate`) load this at all; they fetch
 * the strings of the page's language only (an app's own areas, when it
 * passes `strings`), then hydrate.
 */
export async function hydrateApp(options: { strings?: (language: 'en' | 'cy') => Promise<Record<string, unknown>> } = {}): Promise<void> {
  const language = document.documentElement.lang === 'cy' ? 'cy' : 'en';
  // An app may load only its own areas' strings (the portal does not need the back-office's).
  const strings = options.strings ? await options.strings(language) : language === 'cy' ? (await import('../i18n/cy')).cy : (await import('../i18n/en')).en;
  await i18next.use(initReactI18next).init({ ...i18nOptions, lng: language, resources: { [language]: { translation: strings } } });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <PageStateProvider nonce={undefined} initialHasErrors={hasActionErrors(window.__remixContext?.state?.actionData)}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </PageStateProvider>
      </I18nextProvider>,
    );
  });
}

declare global {
  interface Window {
    __remixContext?: { state?: { actionData?: Record<string, unknown> | null } };
  }
}
