import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { isRouteErrorResponse, Outlet, useRouteError, useRouteLoaderData } from '@remix-run/react';
import { AppDocument, ErrorPage } from '@heard/ui';
import stylesheet from '@heard/ui/styles.scss?url';
import { getCaller, rootLoaderData } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { administers } from './lib/administration';
import './lib/context';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const [council, user] = await Promise.all([api.public.council.current(), api.auth.whoami()]);
  const signedIn = user?.kind === 'staff' && !user.pendingSecondFactor;
  // The navigation shows what this person's roles can do (the API refuses the rest anyway).
  const permissions = signedIn ? (await api.staff.me()).permissions : [];
  return rootLoaderData(request, context.secure, { council, signedIn, permissions });
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root');
  const { t } = useTranslation();
  const language = root?.language ?? 'en';
  const council = root?.council;
  const councilName = council ? (language === 'cy' && council.nameCy ? council.nameCy : council.name) : '';
  const navigation = root?.signedIn ? navigationFor(root.permissions as string[], t) : [];
  return (
    <AppDocument language={language} councilName={councilName} serviceName={t('backoffice.serviceName')} navigation={navigation} alwaysHydrate>
      {children}
    </AppDocument>
  );
}

/** The sections a person's permissions open, in the order the work flows. */
function navigationFor(permissions: string[], t: (key: string) => string) {
  const has = (prefix: string) => permissions.some((p) => p.startsWith(prefix));
  return [
    { href: '/', text: t('backoffice.nav.home') },
    ...(has('triage:case') ? [{ href: '/triage', text: t('casework.nav.triage') }] : []),
    ...(has('read:tracker') ? [{ href: '/tracker', text: t('casework.nav.tracker') }] : []),
    ...(has('read:review') ? [{ href: '/review', text: t('casework.nav.review') }] : []),
    ...(has('read:case') || has('read:audit') ? [{ href: '/find', text: t('casework.nav.find') }] : []),
    ...(has('read:logs') ? [{ href: '/logs/enquiries', text: t('casework.nav.enquiries') }, { href: '/logs/compliments', text: t('casework.nav.compliments') }] : []),
    ...(has('read:advocacy') ? [{ href: '/advocacy', text: t('casework.nav.advocacy') }] : []),
    ...(has('read:report') ? [{ href: '/reports', text: t('reports.nav') }] : []),
    ...(has('read:messages') ? [{ href: '/messages', text: t('messages.nav.messages') }] : []),
    ...(has('export:subject-access') ? [{ href: '/subject-access', text: t('messages.nav.subjectAccess') }] : []),
    ...(administers(permissions) ? [{ href: '/admin', text: t('casework.nav.admin') }] : []),
    { href: '/sign-out', text: t('backoffice.nav.signOut') },
  ];
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t('casework.forbidden.title')}</h1>
          <p className="govuk-body">{t('casework.forbidden.body')}</p>
        </div>
      </div>
    );
  }
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : undefined} />;
}
