import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { formatDate } from '@heard/domain';
import { Button, CsrfInput, Table, Tag, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { requireSession } from '~/lib/errors.server';

export const handle: RouteHandle = { titleKey: 'portal.advocate.cases.title' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  return requireSession(request, '/advocate/sign-in', () => api.public.advocate.cases());
}

/** An advocate's cases: each young person's complaint with its status and the date a reply is due. */
export default function AdvocateCases() {
  const { advocate, cases } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'cy' ? 'cy' : 'en';
  const date = (iso: string) => formatDate(iso, language, { weekday: false });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <span className="govuk-caption-l">
          {advocate.displayName}
          {advocate.organisation ? `, ${advocate.organisation}` : ''}
        </span>
        <h1 className="govuk-heading-l">{t('portal.advocate.cases.title')}</h1>
        <Button href="/advocate-complaint" start>
          {t('portal.advocate.cases.new')}
        </Button>
        {cases.length === 0 ? (
          <p className="govuk-body">{t('portal.advocate.cases.none')}</p>
        ) : (
          <Table
            caption={t('portal.advocate.cases.caption', { count: cases.length })}
            columns={[
              { header: t('portal.case.reference') },
              { header: t('portal.advocate.cases.youngPerson') },
              { header: t('portal.case.received') },
              { header: t('portal.case.status') },
              { header: t('portal.case.reply') },
            ]}
            rows={cases.map((item) => [
              <a key="ref" className="govuk-link" href={`/track/case?reference=${encodeURIComponent(item.reference)}`}>
                {item.reference}
              </a>,
              item.youngPerson ?? t('portal.check.notGiven'),
              date(item.receivedOn),
              <Tag key="status">{t(`status.${item.status}`)}</Tag>,
              item.respondedOn
                ? t('portal.case.repliedOn', { date: date(item.respondedOn) })
                : item.response.dueOn
                  ? t(item.response.status === 'provisional' ? 'portal.case.dueProvisional' : 'portal.case.due', { date: date(item.response.dueOn) })
                  : t(`portal.case.dueStatus.${item.response.status}`),
            ])}
          />
        )}
        <form method="post" action="/track/sign-out">
          <CsrfInput />
          <Button secondary>{t('portal.advocate.signOut')}</Button>
        </form>
      </div>
    </div>
  );
}
