import { useRouteLoaderData } from '@remix-run/react';
import { Button } from '@heard/ui';
import { useTranslation } from 'react-i18next';
import type { RouteHandle } from '@heard/ui';
import type { loader as rootLoader } from '~/root';

export const handle: RouteHandle = { titleKey: 'portal.start.title' };

/** The start page: what the service is for and the ways in. The council comes from the root loader (through tRPC). */
export default function StartPage() {
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const { t, i18n } = useTranslation();
  const council = root?.council;
  const councilName = council ? (i18n.language === 'cy' && council.nameCy ? council.nameCy : council.name) : '';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t('portal.start.title')}</h1>
        <p className="govuk-body-l">{t('portal.start.lead', { council: councilName })}</p>
        <p className="govuk-body">{t('portal.start.youCan')}</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>{t('portal.start.options.complain')}</li>
          <li>{t('portal.start.options.compliment')}</li>
          <li>{t('portal.start.options.enquiry')}</li>
          <li>{t('portal.start.options.foi')}</li>
          <li>{t('portal.start.options.track')}</li>
        </ul>
        <p className="govuk-body">{t('portal.start.youngPeople')}</p>
        <p className="govuk-body">{t('portal.start.time')}</p>
        <Button href="/start" start>
          {t('portal.start.startNow')}
        </Button>
        <h2 className="govuk-heading-m">{t('portal.start.trackTitle')}</h2>
        <p className="govuk-body">
          <a className="govuk-link" href="/track">
            {t('portal.start.trackLink')}
          </a>
        </p>
      </div>
    </div>
  );
}
