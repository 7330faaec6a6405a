import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { isRouteErrorResponse, Outlet, useRouteError, useRouteLoaderData } from '@remix-run/react';
import { AppDocument, ErrorPage } from '@heard/ui';
import stylesheet from '@heard/ui/portal.scss?url';
import { getCaller, rootLoaderData } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import './lib/context';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const council = await api.public.council.current();
  return rootLoaderData(request, context.secure, { council });
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root');
  const { t } = useTranslation();
  const language = root?.language ?? 'en';
  const council = root?.council;
  const councilName = council ? (language === 'cy' && council.nameCy ? council.nameCy : council.name) : '';
  return (
    <AppDocument language={language} councilName={councilName} serviceName={t('portal.serviceName')}>
      {children}
    </AppDocument>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : undefined} />;
}
