import { useTranslation } from 'react-i18next';
import type { RouteHandle } from '@heard/ui';

export const handle: RouteHandle = { titleKey: 'portal.choose.title' };

const OPTIONS = [
  { href: '/complaint', key: 'complaint' },
  { href: '/young-person', key: 'youngPerson' },
  { href: '/compliment', key: 'compliment' },
  { href: '/enquiry', key: 'enquiry' },
  { href: '/foi', key: 'foi' },
  { href: '/track', key: 'track' },
  { href: '/advocate', key: 'advocate' },
] as const;

/** What would you like to do? Each a link, so the page needs no JavaScript. */
export default function Choose() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('portal.choose.title')}</h1>
        <ul className="govuk-list heard-choices">
          {OPTIONS.map((option) => (
            <li key={option.key}>
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                <a className="govuk-link" href={option.href}>
                  {t(`portal.choose.${option.key}.link`)}
                </a>
              </h2>
              <p className="govuk-body">{t(`portal.choose.${option.key}.description`)}</p>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
