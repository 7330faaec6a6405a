import type { ReactNode } from 'react';

/** GOV.UK skip link: the first thing a keyboard user reaches. */
export function SkipLink({ children }: { children: ReactNode }) {
  return (
    <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
      {children}
    </a>
  );
}

export type NavigationItem = { href: string; text: string; active?: boolean };

/**
 * The service header. A council service is not GOV.UK: no crown, the council's
 * name where GOV.UK's logo would be, then the service name.
 */
export function Header({
  councilName,
  serviceName,
  serviceHref,
  navigation = [],
  navigationLabel,
}: {
  councilName: string;
  serviceName: string;
  serviceHref: string;
  navigation?: NavigationItem[];
  navigationLabel?: string;
}) {
  return (
    <header className="govuk-header" data-module="govuk-header">
      <div className="govuk-header__container govuk-width-container">
        <div className="govuk-header__logo">
          <span className="heard-header__council govuk-header__link--homepage">{councilName}</span>
        </div>
        <div className="govuk-header__content">
          <a href={serviceHref} className="govuk-header__link govuk-header__service-name">
            {serviceName}
          </a>
          {navigation.length > 0 ? (
            <nav aria-label={navigationLabel ?? serviceName} className="govuk-header__navigation">
              <ul className="govuk-header__navigation-list">
                {navigation.map((item) => (
                  <li
                    key={item.href}
                    className={`govuk-header__navigation-item${item.active ? ' govuk-header__navigation-item--active' : ''}`}
                  >
                    <a className="govuk-header__link" href={item.href} aria-current={item.active ? 'page' : undefined}>
                      {item.text}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
    </header>
  );
}

export function PhaseBanner({ tag, children }: { tag: string; children: ReactNode }) {
  return (
    <div className="govuk-phase-banner">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">{tag}</strong>
        <span className="govuk-phase-banner__text">{children}</span>
      </p>
    </div>
  );
}

/**
 * English / Cymraeg switch. Each link keeps the person's place (same path and
 * query) and is marked with its own language, as the Welsh Language
 * Standards and GOV.UK's pattern ask.
 */
export function LanguageToggle({
  current,
  hrefFor,
  label,
}: {
  current: 'en' | 'cy';
  hrefFor: (language: 'en' | 'cy') => string;
  label: string;
}) {
  const languages = [
    { code: 'en' as const, name: 'English' },
    { code: 'cy' as const, name: 'Cymraeg' },
  ];
  return (
    <nav className="heard-language-toggle govuk-body-s" aria-label={label}>
      {languages.map((language, index) => (
        <span key={language.code}>
          {index > 0 ? ' | ' : null}
          {language.code === current ? (
            <span className="heard-language-toggle__link" aria-current="true" lang={language.code}>
              {language.name}
            </span>
          ) : (
            <a className="govuk-link heard-language-toggle__link" href={hrefFor(language.code)} lang={language.code} hrefLang={language.code}>
              {language.name}
            </a>
          )}
        </span>
      ))}
    </nav>
  );
}

export function Footer({ links, meta }: { links: { href: string; text: string }[]; meta?: ReactNode }) {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            {links.length > 0 ? (
              <ul className="govuk-footer__inline-list">
                {links.map((link) => (
                  <li key={link.href} className="govuk-footer__inline-list-item">
                    <a className="govuk-footer__link" href={link.href}>
                      {link.text}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {meta ? <div className="govuk-footer__meta-custom">{meta}</div> : null}
          </div>
        </div>
      </div>
    </footer>
  );
}

export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className="govuk-back-link">
      {children}
    </a>
  );
}
