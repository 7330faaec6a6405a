import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { formatDate, isComplaint, toUkDate } from '@heard/domain';
import { Button, CsrfInput, Details, InsetText, NotificationBanner, SummaryList, Table, Tag, type TagColour } from '@heard/ui';
import { getCaller, serverT } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { requireSession } from '~/lib/errors.server';

const DONE = ['added', 'withdrawn', 'escalated'] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const reference = url.searchParams.get('reference') ?? undefined;
  const api = await getCaller(request, context);
  const view = await requireSession(request, reference ? '/advocate/sign-in' : '/track', () => api.public.track.view(reference ? { reference } : {}));
  const done = url.searchParams.get('done');
  const { t } = await serverT(request);
  return {
    view,
    done: (DONE as readonly string[]).includes(done ?? '') ? done : null,
    newReference: url.searchParams.get('new'),
    pageTitle: t(`portal.caseTypes.${view.caseType}`) + ' ' + view.reference,
  };
}

const STATUS_COLOUR: Record<string, TagColour> = {
  received: 'blue',
  acknowledged: 'light-blue',
  in_progress: 'yellow',
  responded: 'green',
  closed: 'grey',
  withdrawn: 'grey',
  out_of_remit: 'orange',
  on_hold: 'orange',
};

/**
 * The case page, for the person who raised it (after a code or a link) or
 * their advocate: status, stage, when we will reply and how that date was
 * worked out, the letters and emails sent, and what they can do now.
 */
export default function TrackedCase() {
  const { view, done, newReference } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'cy' ? 'cy' : 'en';
  const date = (iso: string | null) => (iso ? formatDate(iso, language, { weekday: false }) : '');
  const query = view.viewer === 'advocate' ? `?reference=${encodeURIComponent(view.reference)}` : '';
  const complaint = isComplaint(view.caseType);
  const due = view.response;
  const dueText =
    view.respondedOn !== null
      ? t('portal.case.repliedOn', { date: date(view.respondedOn) })
      : due.dueOn
        ? t(due.status === 'provisional' ? 'portal.case.dueProvisional' : 'portal.case.due', { date: formatDate(due.dueOn, language) })
        : t(`portal.case.dueStatus.${due.status}`);
  const rows = [
    { key: t('portal.case.reference'), value: view.reference },
    { key: t('portal.case.type'), value: t(`portal.caseTypes.${view.caseType}`) },
    ...(view.stage ? [{ key: t('portal.case.stage'), value: t(`stage.${view.stage}`) }] : []),
    { key: t('portal.case.status'), value: <Tag colour={STATUS_COLOUR[view.status]}>{t(`status.${view.status}`)}</Tag> },
    { key: t('portal.case.received'), value: date(view.receivedOn) },
    ...(view.service ? [{ key: t('portal.case.service'), value: language === 'cy' && view.service.nameCy ? view.service.nameCy : view.service.name }] : []),
    ...(view.acknowledgedOn ? [{ key: t('portal.case.acknowledged'), value: date(view.acknowledgedOn) }] : []),
    { key: t('portal.case.reply'), value: <span data-testid="due">{dueText}</span> },
    ...(view.outcome ? [{ key: t('portal.case.outcome'), value: t(`outcome.${view.outcome}`) }] : []),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {done ? (
          <NotificationBanner title={t('portal.case.doneTitle')} success heading={t(`portal.case.done.${done}`, { reference: newReference ?? '' })} />
        ) : null}
        <span className="govuk-caption-l">{t(`portal.caseTypes.${view.caseType}`)}</span>
        <h1 className="govuk-heading-l">{view.reference}</h1>
        <SummaryList rows={rows} />
        {view.respondedOn === null && due.explanation.length > 0 ? (
          <Details summary={t('portal.case.howWorkedOut')}>
            <ul className="govuk-list heard-deadline-explanation">
              {due.explanation.map((line, index) => (
                <li key={index}>{t(line.key, line.params)}</li>
              ))}
            </ul>
          </Details>
        ) : null}
        {view.previousStage ? (
          <InsetText>
            {t('portal.case.previousStage', { reference: view.previousStage.reference })}{' '}
            <a className="govuk-link" href={`/track/case?reference=${encodeURIComponent(view.previousStage.reference)}`}>
              {t('portal.case.viewIt')}
            </a>
          </InsetText>
        ) : null}
        {view.nextStage ? (
          <InsetText>
            {t('portal.case.nextStageAsked', { stage: view.nextStage.stage ? t(`stage.${view.nextStage.stage}`) : '', reference: view.nextStage.reference, date: date(view.nextStage.receivedOn) })}{' '}
            <a className="govuk-link" href={`/track/case?reference=${encodeURIComponent(view.nextStage.reference)}`}>
              {t('portal.case.viewIt')}
            </a>
          </InsetText>
        ) : null}

        <h2 className="govuk-heading-m">{t('portal.case.lettersTitle')}</h2>
        {view.letters.length > 0 ? (
          <Table
            caption={t('portal.case.lettersCaption')}
            captionSize="s"
            columns={[{ header: t('portal.case.letterColumn') }, { header: t('portal.case.sentColumn') }]}
            rows={view.letters.map((letter) => [
              i18n.exists(`portal.letters.${letter.template}`) ? t(`portal.letters.${letter.template}`) : t('portal.letters.other'),
              date(toUkDate(new Date(letter.on))),
            ])}
          />
        ) : (
          <p className="govuk-body">{t('portal.case.noLetters')}</p>
        )}

        {view.information.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('portal.case.informationTitle')}</h2>
            {view.information.map((item, index) => (
              <div key={index} className="govuk-inset-text">
                <p className="govuk-body-s govuk-!-margin-bottom-1">{date(item.on)}</p>
                <p className="govuk-body heard-pre-wrap">{item.message}</p>
                {item.files.length > 0 ? <p className="govuk-body-s">{t('portal.case.filesAdded', { files: item.files.join(', ') })}</p> : null}
              </div>
            ))}
          </>
        ) : null}

        <h2 className="govuk-heading-m">{t('portal.case.actionsTitle')}</h2>
        <ul className="govuk-list">
          {view.actions.addInformation ? (
            <li>
              <a className="govuk-link" href={`/track/case/add${query}`}>
                {t('portal.case.addInformation')}
              </a>
            </li>
          ) : null}
          {view.actions.nextStage ? (
            <li>
              <a className="govuk-link" href={`/track/case/next-stage${query}`}>
                {t('portal.case.askNextStage', { stage: t(`stage.${view.actions.nextStage.stage}`) })}
              </a>
              {view.actions.nextStage.closesOn ? <p className="govuk-body-s">{t('portal.case.nextStageBy', { date: date(view.actions.nextStage.closesOn) })}</p> : null}
            </li>
          ) : null}
          {view.actions.withdraw ? (
            <li>
              <a className="govuk-link" href={`/track/case/withdraw${query}`}>
                {t(`portal.case.withdraw.${complaint ? 'complaint' : 'other'}`)}
              </a>
            </li>
          ) : null}
        </ul>
        {!view.actions.addInformation && !view.actions.nextStage && !view.actions.withdraw ? <p className="govuk-body">{t('portal.case.noActions')}</p> : null}
        {view.actions.nextStageClosedOn ? <p className="govuk-body">{t('portal.case.nextStageClosed', { date: date(view.actions.nextStageClosedOn) })}</p> : null}

        {view.actions.ombudsman ? (
          <>
            <h2 className="govuk-heading-m">{t('portal.case.ombudsmanTitle')}</h2>
            <p className="govuk-body">{t('portal.case.ombudsman.when')}</p>
            <p className="govuk-body">{t('portal.case.ombudsman.time')}</p>
            <p className="govuk-body">
              {t('portal.case.ombudsman.contact')}{' '}
              <a className="govuk-link" href="https://www.lgo.org.uk/make-a-complaint" rel="noreferrer noopener">
                {t('portal.case.ombudsman.link')}
              </a>
            </p>
          </>
        ) : null}
        {view.caseType === 'foi_request' ? (
          <>
            <h2 className="govuk-heading-m">{t('portal.case.icoTitle')}</h2>
            <p className="govuk-body">{t('portal.case.ico')}</p>
          </>
        ) : null}

        {view.viewer === 'advocate' ? (
          <p className="govuk-body">
            <a className="govuk-link" href="/advocate">
              {t('portal.advocate.backToCases')}
            </a>
          </p>
        ) : (
          <form method="post" action="/track/sign-out">
            <CsrfInput />
            <Button secondary>{t('portal.case.signOut')}</Button>
          </form>
        )}
      </div>
    </div>
  );
}
