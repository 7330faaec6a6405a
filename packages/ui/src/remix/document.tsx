import { Links, Meta, Scripts, ScrollRestoration, useLocation, useMatches } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from 'remix-i18next/react';
import { Footer, Header, LanguageToggle, PhaseBanner, SkipLink, type NavigationItem } from '../components/layout';
import { usePageState } from '../components/page-state';

/**
 * What a route tells the document: its page title (an i18n key, or
 * `pageTitle` in its loader data when the title is built from data) and
 * whether it needs JavaScript (`hydrate`).
 */
export type RouteHandle = { titleKey?: string; hydrate?: boolean };

function usePageMeta(): { heading: string | undefined; hydrate: boolean } {
  const { t } = useTranslation();
  const matches = useMatches();
  let heading: string | undefined;
  for (const match of matches) {
    const handle = match.handle as RouteHandle | undefined;
    if (handle?.titleKey) heading = t(handle.titleKey);
    const data = match.data as { pageTitle?: unknown } | undefined;
    if (data && typeof data === 'object' && typeof data.pageTitle === 'string') heading = data.pageTitle;
  }
  return { heading, hydrate: matches.some((match) => (match.handle as RouteHandle | undefined)?.hydrate === true) };
}

function languageHref(location: { pathname: string; search: string }, language: 'en' | 'cy'): string {
  const params = new URLSearchParams(location.search);
  params.set('lang', language);
  return `${location.pathname}?${params.toString()}`;
}

/**
 * The GOV.UK page template both apps use: <html lang>, the title ("Error: "
 * first when the page shows errors), skip link, header, phase banner,
 * language toggle, main, footer, and Remix's scripts only on pages that
 * need them (`alwaysHydrate` for the back-office).
 */
export function AppDocument({
  language,
  councilName,
  serviceName,
  serviceHref = '/',
  navigation,
  alwaysHydrate = false,
  children,
}: {
  language: 'en' | 'cy';
  councilName: string;
  serviceName: string;
  serviceHref?: string;
  navigation?: NavigationItem[];
  alwaysHydrate?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { nonce, hasErrors } = usePageState();
  const location = useLocation();
  const { heading, hydrate } = usePageMeta();
  useChangeLanguage(language);
  const title = [heading, serviceName, councilName].filter(Boolean).join(' - ');
  const withScripts = alwaysHydrate || hydrate;
  return (
    <html lang={language} className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <title>{hasErrors ? `${t('common.errorTitlePrefix')} ${title}` : title}</title>
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        {withScripts ? (
          <script
            nonce={nonce}
            // GOV.UK Frontend's marker that JavaScript runs (its styles depend on it).
            dangerouslySetInnerHTML={{
              __html: "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');",
            }}
          />
        ) : null}
        <SkipLink>{t('common.skipLink')}</SkipLink>
        <Header councilName={councilName} serviceName={serviceName} serviceHref={serviceHref} navigation={navigation ?? []} />
        <div className="govuk-width-container">
          <PhaseBanner tag={t('common.phase')}>{t('common.phaseBanner')}</PhaseBanner>
          <LanguageToggle current={language} label={t('common.languageToggle')} hrefFor={(lng) => languageHref(location, lng)} />
          <main className="govuk-main-wrapper" id="main-content">
            {children}
          </main>
        </div>
        <Footer
          links={[
            { href: '/accessibility', text: t('common.footer.accessibility') },
            { href: '/privacy', text: t('common.footer.privacy') },
          ]}
        />
        {withScripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

/** The error page both apps show: not found, unavailable, or a generic problem. */
export function ErrorPage({ status }: { status: number | undefined }) {
  const { t } = useTranslation();
  const key = status === 404 ? 'pageNotFound' : status === 503 ? 'unavailable' : 'serverError';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t(`common.${key}.title`)}</h1>
        <p className="govuk-body">{t(`common.${key}.body`)}</p>
      </div>
    </div>
  );
}
