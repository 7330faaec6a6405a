import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { Details, NotificationBanner, SummaryList, Table, Tag, type RouteHandle } from '@heard/ui';
import { getCaller, serverT } from '@heard/ui/remix/server';
import { useTranslation } from 'react-i18next';
import { RagTag, useDate } from '~/components/rag-tag';
import { availableActions, type CasePage } from '~/lib/case-actions';
import { requireSignedIn } from '~/lib/session.server';

export const handle: RouteHandle = {};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const page = await requireSignedIn(request, () => api.staff.case.get({ caseId: params.caseId ?? '' }));
  const { t } = await serverT(request);
  return { page, pageTitle: `${page.case.reference}: ${page.case.summary ?? t(`backoffice.caseTypes.${page.case.type}`)}` };
}

const GROUPS = ['triage', 'work', 'escalation', 'foi', 'close'] as const;

/** One case: summary and deadlines, what can be done next, and everything that has happened. */
export default function CasePageView() {
  const { page } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const date = useDate();
  const c = page.case;
  const cy = i18n.language === 'cy';
  const named = (item: { name: string; nameCy: string | null } | null) => (item ? (cy && item.nameCy ? item.nameCy : item.name) : t('casework.notSet'));
  const done = params.get('done');
  const actions = availableActions(page as CasePage);
  const current = page.deadlines.current;
  const label = (prefix: string, code: string | null | undefined) => (code ? (i18n.exists(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : code) : '');

  return (
    <>
      {done ? <NotificationBanner success title={t('casework.case.saved')} heading={t(`casework.actions.${done}.done`)} /> : null}
      <span className="govuk-caption-l">
        {c.reference} · {t(`backoffice.caseTypes.${c.type}`)}
        {c.stage ? ` · ${t(`stage.${c.stage}`)}` : ''}
      </span>
      <h1 className="govuk-heading-l">{c.summary ?? t(`backoffice.caseTypes.${c.type}`)}</h1>
      <p className="govuk-body">
        <Tag colour="blue">{t(`status.${c.status}`)}</Tag> <RagTag rag={current.rag} />
      </p>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">{t('casework.case.deadline')}</h2>
          <p className="govuk-body-l" data-testid="due-date">
            {current.dueOn ? t('casework.case.dueOn', { date: date(current.dueOn) }) : t(`casework.deadlineStatus.${current.status}`)}
          </p>
          <Details summary={t('casework.case.howWorkedOut')}>
            <ul className="govuk-list govuk-list--bullet heard-deadline-explanation">
              {current.explanation.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          </Details>
          {page.deadlines.all.length > 2 || page.deadlines.all.some((d) => d.kind === 'acknowledgement' && d.status === 'due') ? (
            <Table
              caption={t('casework.case.allDeadlines')}
              captionSize="s"
              columns={[{ header: t('casework.case.deadlineKind') }, { header: t('casework.case.due') }, { header: t('casework.case.state') }]}
              rows={page.deadlines.all.map((d) => [t(`casework.clock.${d.kind}`), d.dueOn ? date(d.dueOn) : t(`casework.deadlineStatus.${d.status}`), <RagTag key={d.kind} rag={d.rag} />])}
            />
          ) : null}
          {page.nextStageBy ? <p className="govuk-body">{t('casework.case.nextStageBy', { date: date(page.nextStageBy) })}</p> : null}

          <h2 className="govuk-heading-m">{t('casework.case.summary')}</h2>
          <SummaryList
            rows={[
              { key: t('casework.case.received'), value: `${date(c.receivedOn)} (${t(`casework.options.channel.${c.channel}`)})` },
              { key: t('casework.case.framework'), value: t(`casework.options.framework.${c.framework}`) },
              { key: t('casework.case.acknowledged'), value: c.acknowledgedOn ? date(c.acknowledgedOn) : c.acknowledgementDueOn ? t('casework.case.ackDue', { date: date(c.acknowledgementDueOn) }) : t('casework.notSet') },
              { key: t('casework.case.owner'), value: c.owner?.displayName ?? t('casework.case.unassigned') },
              { key: t('casework.case.division'), value: named(c.division) },
              { key: t('casework.case.service'), value: named(c.service) },
              { key: t('casework.case.themes'), value: c.themes.length ? c.themes.map((theme) => named(theme)).join(', ') : t('casework.notSet') },
              { key: t('casework.case.locality'), value: named(c.locality) },
              ...(c.outcome ? [{ key: t('casework.case.outcome'), value: label('outcome', c.outcome) }] : []),
              ...(page.state.request
                ? [
                    {
                      key: t('casework.case.request'),
                      value: `${date(page.state.request.requestedOn)}: ${page.state.request.decision ? t(`casework.options.decision.${page.state.request.decision}`) : t('casework.case.pending')}${page.state.request.lateReason ? ` (${t('casework.case.late')}: ${page.state.request.lateReason})` : ''}`,
                    },
                  ]
                : []),
              ...(page.state.statementAgreedOn ? [{ key: t('casework.case.statementAgreed'), value: date(page.state.statementAgreedOn) }] : []),
              ...(c.panelScheduledOn ? [{ key: t('casework.case.panelScheduled'), value: date(c.panelScheduledOn) }] : []),
              ...(page.state.panelHeldOn ? [{ key: t('casework.case.panelHeld'), value: date(page.state.panelHeldOn) }] : []),
              ...(page.state.findingsIssuedOn ? [{ key: t('casework.case.findingsIssued'), value: date(page.state.findingsIssuedOn) }] : []),
              ...(page.state.extension ? [{ key: t('casework.case.extension'), value: t('casework.case.extensionValue', { limit: page.state.extension.limit, date: date(page.state.extension.agreedOn), reason: page.state.extension.reason }) }] : []),
              ...(page.state.outOfRemit ? [{ key: t('casework.case.outOfRemit'), value: `${t(`casework.options.outOfRemit.${page.state.outOfRemit.reason}`)}. ${page.state.outOfRemit.signposting}` }] : []),
              ...(page.state.hold ? [{ key: t('casework.case.onHold'), value: `${date(page.state.hold.since)}: ${page.state.hold.reason}` }] : []),
              ...(c.ombudsmanReference ? [{ key: t('casework.case.ombudsmanReference'), value: c.ombudsmanReference }] : []),
              ...(c.complianceDueOn ? [{ key: t('casework.case.complianceDue'), value: date(c.complianceDueOn) }] : []),
              ...(c.foiExemptions.length ? [{ key: t('casework.case.exemptions'), value: c.foiExemptions.map((e) => t(`casework.options.exemption.${e}`)).join('; ') }] : []),
              ...(page.state.clarifications.length
                ? [{ key: t('casework.case.clarifications'), value: page.state.clarifications.map((x) => `${date(x.requestedOn)} → ${x.receivedOn ? date(x.receivedOn) : t('casework.case.pending')}`).join('; ') }]
                : []),
              ...(page.state.feeNotices.length ? [{ key: t('casework.case.feeNotices'), value: page.state.feeNotices.map((x) => `${date(x.issuedOn)} → ${x.paidOn ? date(x.paidOn) : t('casework.case.unpaid')}`).join('; ') }] : []),
              ...(c.commissioned.providerName
                ? [
                    {
                      key: t('casework.case.provider'),
                      value: t('casework.case.providerValue', {
                        provider: c.commissioned.providerName,
                        procedure: c.commissioned.providerProcedureUsed === null ? t('casework.options.yesNo.unknown') : t(`casework.options.yesNo.${c.commissioned.providerProcedureUsed ? 'yes' : 'no'}`),
                        ofsted: c.commissioned.ofstedInformedOn ? date(c.commissioned.ofstedInformedOn) : t('casework.notSet'),
                        outcome: c.commissioned.ofstedOutcomeInformedOn ? date(c.commissioned.ofstedOutcomeInformedOn) : t('casework.notSet'),
                      }),
                    },
                  ]
                : []),
              ...(c.type === 'compliment' ? [{ key: t('casework.case.mayShare'), value: c.mayShare === null ? t('casework.notSet') : t(`casework.options.yesNo.${c.mayShare ? 'yes' : 'no'}`) }] : []),
            ]}
          />
          {c.details ? (
            <>
              <h2 className="govuk-heading-m">{t('casework.case.details')}</h2>
              <p className="govuk-body heard-letter">{c.details}</p>
            </>
          ) : null}
        </div>

        <div className="govuk-grid-column-one-third">
          {actions.length > 0 ? (
            <nav aria-labelledby="case-actions">
              <h2 className="govuk-heading-m" id="case-actions">
                {t('casework.case.actions')}
              </h2>
              {GROUPS.map((group) => {
                const inGroup = actions.filter((a) => a.group === group);
                if (inGroup.length === 0) return null;
                return (
                  <div key={group}>
                    <h3 className="govuk-heading-s">{t(`casework.case.groups.${group}`)}</h3>
                    <ul className="govuk-list">
                      {inGroup.map((a) => (
                        <li key={a.name}>
                          <a className="govuk-link" href={`/cases/${c.id}/${a.name}`}>
                            {t(`casework.actions.${a.name}.title`)}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })}
            </nav>
          ) : (
            <p className="govuk-body">{t('casework.case.readOnly')}</p>
          )}
        </div>
      </div>

      {page.points.length > 0 ? (
        <Table
          caption={t('casework.case.points')}
          columns={[{ header: '#', numeric: true }, { header: t('casework.case.point') }, { header: t('casework.case.finding') }]}
          firstCellIsHeader={false}
          rows={page.points.map((p, i) => [String(i + 1), p.summary, p.finding ? t(`outcome.${p.finding}`) : t('casework.points.undecided')])}
        />
      ) : null}

      {page.remedies.length > 0 ? (
        <Table
          caption={t('casework.case.remedies')}
          columns={[{ header: t('casework.case.remedy') }, { header: t('casework.case.amount'), numeric: true }, { header: t('casework.case.detail') }, { header: t('casework.case.complied') }]}
          rows={page.remedies.map((r) => [
            t(`casework.options.remedy.${r.type}`),
            r.amountPounds === null ? '' : `£${r.amountPounds.toFixed(2)}`,
            r.detail ?? '',
            r.compliedOn ? (
              date(r.compliedOn)
            ) : page.can.respond ? (
              <a className="govuk-link" href={`/cases/${c.id}/remedy-complied?remedyId=${r.id}`}>
                {t('casework.case.recordComplied')}
              </a>
            ) : (
              t('casework.case.notYet')
            ),
          ])}
        />
      ) : null}

      {page.learningActions.length > 0 ? (
        <Table
          caption={t('casework.case.learningActions')}
          columns={[{ header: t('casework.case.action') }, { header: t('casework.case.owner') }, { header: t('casework.case.due') }, { header: t('casework.case.state') }, { header: t('casework.case.complainantTold') }]}
          rows={page.learningActions.map((a) => [
            page.can.learning ? (
              <a className="govuk-link" href={`/cases/${c.id}/learning?actionId=${a.id}`}>
                {a.description}
              </a>
            ) : (
              a.description
            ),
            a.ownerName ?? '',
            date(a.dueOn),
            t(`casework.options.learningStatus.${a.status}`),
            a.complainantToldOn ? date(a.complainantToldOn) : t('casework.case.notYet'),
          ])}
        />
      ) : null}

      <h2 className="govuk-heading-m">{t('casework.case.people')}</h2>
      {page.people.map((p) => (
        <div key={p.id} className="govuk-summary-card">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">
              {p.name ?? t('casework.case.unnamed')} ({t(`casework.options.personRole.${p.role}`)})
            </h3>
            {page.can.people ? (
              <ul className="govuk-summary-card__actions">
                <li className="govuk-summary-card__action">
                  <a
                    className="govuk-link"
                    href={`/cases/${c.id}/person?personId=${p.id}`}
                  >
                    {t('casework.case.change')}
                    <span className="govuk-visually-hidden"> {p.name ?? ''}</span>
                  </a>
                </li>
              </ul>
            ) : null}
          </div>
          <div className="govuk-summary-card__content">
            <SummaryList
              rows={[
                { key: t('casework.fields.email.label'), value: p.email ?? '' },
                { key: t('casework.fields.phone.label'), value: p.phone ?? '' },
                { key: t('casework.fields.contactPreference.label'), value: p.contactPreference ? t(`casework.options.contactPreference.${p.contactPreference}`) : t('casework.notSet') },
                { key: t('casework.fields.language.label'), value: p.language ? t(`casework.options.language.${p.language}`) : t('casework.notSet') },
                { key: t('casework.fields.adjustments.label'), value: p.adjustments ?? '' },
                { key: t('casework.case.consent'), value: p.consentRecordedAt ? date(new Date(p.consentRecordedAt).toISOString().slice(0, 10)) : t('casework.case.notRecorded') },
              ]}
            />
          </div>
        </div>
      ))}

      {page.assignments.length > 0 ? (
        <Table
          caption={t('casework.case.appointed')}
          columns={[{ header: t('casework.case.role') }, { header: t('casework.case.person') }]}
          rows={page.assignments.map((a) => [t(`casework.roles.${a.role}`), a.displayName])}
        />
      ) : null}

      {page.links.length > 0 ? (
        <Table
          caption={t('casework.case.linked')}
          columns={[{ header: t('casework.case.reference') }, { header: t('casework.case.link') }, { header: t('casework.case.stage') }, { header: t('casework.case.status') }]}
          rows={page.links.map((l) => [
            <a key={l.caseId} className="govuk-link" href={`/cases/${l.caseId}`}>
              {l.reference}
            </a>,
            t(`casework.options.linkKind.${l.kind}`),
            l.stage ? t(`stage.${l.stage}`) : '',
            t(`status.${l.status}`),
          ])}
        />
      ) : null}

      {page.letters.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">{t('casework.case.letters')}</h2>
          {page.letters.map((l) => (
            <Details key={l.id} summary={`${date(l.sentOn)}: ${l.subject}`}>
              <p className="govuk-body-s">{t('casework.case.letterMeta', { kind: t(`casework.options.letterKind.${l.kind}`), language: t(`casework.options.language.${l.language}`) })}</p>
              <p className="govuk-body heard-letter" lang={l.language}>
                {l.body}
              </p>
            </Details>
          ))}
        </>
      ) : null}

      <Table
        caption={t('casework.case.timeline')}
        columns={[{ header: t('casework.case.when') }, { header: t('casework.case.what') }, { header: t('casework.case.who') }]}
        rows={page.timeline.map((e) => [
          new Date(e.occurredAt).toLocaleString(cy ? 'cy-GB' : 'en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' }),
          <span key={e.id}>
            {label('casework.timeline', e.type)}
            {typeof e.payload.subject === 'string' && e.payload.subject ? `: ${e.payload.subject}` : ''}
            {typeof e.payload.text === 'string' ? (
              <>
                <br />
                <span className="govuk-body-s heard-letter">{e.payload.text}</span>
              </>
            ) : null}
          </span>,
          e.actorName ?? t(`casework.actor.${e.actorLabel}`, { defaultValue: e.actorLabel }),
        ])}
      />
    </>
  );
}
