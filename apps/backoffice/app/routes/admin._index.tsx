import type { LoaderFunctionArgs } from '@remix-run/node';
import { type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { administers } from '~/lib/administration';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.admin.title' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const me = await requireSignedIn(request, () => api.staff.me());
  if (!administers(me.permissions)) throw new Response('Forbidden', { status: 403 });
  return null;
}

const LINKS = [
  ['/admin/reference/divisions', 'divisions'],
  ['/admin/reference/services', 'services'],
  ['/admin/reference/themes', 'themes'],
  ['/admin/reference/localities', 'localities'],
  ['/admin/policies', 'policies'],
  ['/admin/calendar', 'calendar'],
  ['/admin/templates', 'templates'],
  ['/admin/users', 'users'],
  ['/admin/sso', 'sso'],
  ['/find?then=access', 'access'],
] as const;

/** The council's own configuration. */
export default function Admin() {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="govuk-heading-l">{t('casework.admin.title')}</h1>
      <ul className="govuk-list govuk-list--spaced">
        {LINKS.map(([href, key]) => (
          <li key={href}>
            <a className="govuk-link" href={href}>
              {t(`casework.admin.links.${key}`)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
