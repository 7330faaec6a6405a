import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Table, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.access.title' };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  return requireSignedIn(request, () => api.staff.case.accessHistory({ caseId: params.caseId ?? '' }));
}

/** Who read or changed the case, when, how and from where: for administrators. */
export default function AccessHistory() {
  const history = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <>
      <span className="govuk-caption-l">{history.reference}</span>
      <h1 className="govuk-heading-l">{t('casework.access.title')}</h1>
      <Table
        caption={t('casework.access.caption', { number: history.entries.length })}
        columns={[{ header: t('casework.access.when') }, { header: t('casework.access.who') }, { header: t('casework.access.action') }, { header: t('casework.access.what') }, { header: t('casework.access.from') }]}
        rows={history.entries.map((entry) => [
          new Date(entry.at).toLocaleString(i18n.language === 'cy' ? 'cy-GB' : 'en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'medium' }),
          entry.actorName ? `${entry.actorName} (${entry.actorEmail ?? ''})` : t(`casework.actor.${entry.actorLabel}`, { defaultValue: entry.actorLabel }),
          t(`casework.access.actions.${entry.action}`, { defaultValue: entry.action }),
          entry.detail ?? '',
          entry.ip ?? '',
        ])}
      />
    </>
  );
}
