import { hydrateApp } from '@heard/ui/remix/entry.client';

// Only the portal's strings, in the page's language (not the back-office's).
void hydrateApp({
  strings: async (language) => (language === 'cy' ? (await import('@heard/ui/i18n/portal-cy')).strings : (await import('@heard/ui/i18n/portal-en')).strings),
});
