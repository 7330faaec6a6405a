import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Table, type RouteHandle } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = { titleKey: 'casework.admin.links.templates' };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  return requireSignedIn(request, () => api.staff.admin.templates.list());
}

/** Letter templates in English and Welsh; Heard's defaults are used for any kind the council has not written. */
export default function Templates() {
  const { templates, defaults } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const row = (template: { id: string; kind: string; name: string; active: boolean }, isDefault: boolean) => [
    <a key={template.id} className="govuk-link" href={`/admin/templates/${template.id}`}>
      {template.name}
    </a>,
    t(`casework.options.letterKind.${template.kind}`),
    isDefault ? t('casework.admin.templates.default') : t(`casework.options.yesNo.${template.active ? 'yes' : 'no'}`),
  ];
  return (
    <>
      <h1 className="govuk-heading-l">{t('casework.admin.links.templates')}</h1>
      <p className="govuk-body">
        <a className="govuk-link" href="/admin/templates/new">
          {t('casework.admin.templates.new')}
        </a>
      </p>
      <Table
        caption={t('casework.admin.templates.caption')}
        columns={[{ header: t('casework.fields.name.label') }, { header: t('casework.admin.templates.kind') }, { header: t('casework.admin.reference.inUse') }]}
        rows={[...templates.map((tpl) => row(tpl, false)), ...defaults.map((tpl) => row(tpl, true))]}
      />
    </>
  );
}
