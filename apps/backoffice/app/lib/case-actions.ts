import type { ApiCaller } from '@heard/api';
import {
  CASE_TYPES,
  FINDINGS,
  LEARNING_ACTION_STATUSES,
  OMBUDSMAN_DECISIONS,
  OMBUDSMAN_OUTCOMES,
  OUT_OF_REMIT_REASONS,
  OUTCOMES_WITH_LEARNING,
  REMEDY_TYPES,
  REQUEST_DECISIONS,
} from '@heard/domain';

/**
 * Every action on a case page, declared once: its form's fields, who sees
 * it (a `can` flag the API computed for this person and case), when it
 * applies, and how the form becomes the procedure's input. One route
 * (`cases.$caseId.$action`) renders and posts them all as GOV.UK forms that
 * work without JavaScript; the API decides, and its refusals are shown.
 */
export type CasePage = Awaited<ReturnType<ApiCaller['staff']['case']['get']>>;
export type Can = keyof CasePage['can'];
type FormValues = Record<string, string | string[]>;

export type Field =
  | { name: string; kind: 'text' | 'textarea' | 'number'; optional?: boolean; errorPath?: string }
  | { name: string; kind: 'date'; optional?: boolean; errorPath?: string }
  | { name: string; kind: 'radios' | 'checkboxes'; options: readonly string[]; labels: string; optional?: boolean; errorPath?: string }
  | { name: string; kind: 'select'; source: 'staff' | 'divisions' | 'services' | 'localities' | 'themes' | `role:${string}`; optional?: boolean; errorPath?: string }
  | { name: string; kind: 'staffCheckboxes'; role: string; errorPath?: string }
  | { name: string; kind: 'themes'; errorPath?: string }
  | { name: string; kind: 'yesno'; optional?: boolean; errorPath?: string }
  | { name: 'letter'; kind: 'letter'; letterKinds: readonly string[]; optional?: boolean }
  | { name: 'points'; kind: 'points' }
  | { name: string; kind: 'hidden'; from: 'query' };

export type CaseAction = {
  name: string;
  can: Can;
  group: 'triage' | 'work' | 'escalation' | 'foi' | 'close';
  fields: Field[];
  /** Whether it applies to this case now (the lifecycle still decides: a refusal is shown). */
  applies: (page: CasePage) => boolean;
  call: (api: ApiCaller, caseId: string, values: FormValues) => Promise<unknown>;
};

const text = (values: FormValues, name: string): string | undefined => {
  const value = values[name];
  const one = Array.isArray(value) ? value[0] : value;
  return one === undefined || one.trim() === '' ? undefined : one;
};
const list = (values: FormValues, name: string): string[] => {
  const value = values[name];
  return value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
};
const number = (values: FormValues, name: string): number | undefined => {
  const value = text(values, name);
  return value === undefined ? undefined : Number(value.replace(/[£,\s]/g, ''));
};
const yesNo = (values: FormValues, name: string): boolean | null => (text(values, name) === 'yes' ? true : text(values, name) === 'no' ? false : null);
const letter = (values: FormValues) => {
  const templateId = text(values, 'letterTemplate');
  return templateId ? { letter: { templateId, language: (text(values, 'letterLanguage') ?? 'en') as 'en' | 'cy' } } : {};
};
const on = (values: FormValues) => (text(values, 'on') ? { on: text(values, 'on') } : {});

const OPEN = ['received', 'acknowledged', 'in_progress'];
const isComplaint = (page: CasePage) => page.case.type === 'children_act_complaint' || page.case.type === 'corporate_complaint';
const isOpen = (page: CasePage) => OPEN.includes(page.case.status);
const isFoiRequest = (page: CasePage) => page.case.type === 'foi_request' && page.case.stage === 'request';
/** Learning actions come from complaints found at fault (rules.md "Outcomes"); the API refuses any other. */
const foundAtFault = (page: CasePage) => isComplaint(page) && page.state.outcome !== null && OUTCOMES_WITH_LEARNING.includes(page.state.outcome);
const isStatutory = (stage: string) => (page: CasePage) => page.case.type === 'children_act_complaint' && page.case.stage === stage;

const ON: Field = { name: 'on', kind: 'date', optional: true };

/**
 * Not referred yet, or every Ombudsman case opened from this one is closed:
 * the LGSCO sends premature referrals back, and such a case may be referred
 * again. (A case closed as not investigated is closed too: the lifecycle
 * refuses that one, saying why.)
 */
const mayReferToOmbudsman = (page: CasePage) => {
  const referrals = page.links.filter((l) => l.kind === 'child' && l.stage === 'ombudsman');
  return referrals.length === 0 ? !page.state.referredToOmbudsmanOn : referrals.every((l) => l.status === 'closed');
};

export const CASE_ACTIONS: CaseAction[] = [
  // Triage ---------------------------------------------------------------------
  {
    name: 'classify',
    can: 'triage',
    group: 'triage',
    fields: [
      { name: 'type', kind: 'radios', options: CASE_TYPES, labels: 'backoffice.caseTypes' },
      { name: 'framework', kind: 'radios', options: ['statutory', 'corporate'], labels: 'casework.options.framework', optional: true },
      { name: 'divisionId', kind: 'select', source: 'divisions', optional: true },
      { name: 'serviceId', kind: 'select', source: 'services', optional: true },
      { name: 'themeIds', kind: 'themes' },
      { name: 'localityId', kind: 'select', source: 'localities', optional: true },
    ],
    applies: (page) => !page.case.parentCaseId && isOpen(page),
    call: (api, caseId, v) =>
      api.staff.triage.classify({
        caseId,
        type: text(v, 'type') as never,
        framework: (text(v, 'framework') ?? 'none') as never,
        divisionId: text(v, 'divisionId'),
        serviceId: text(v, 'serviceId'),
        localityId: text(v, 'localityId'),
        themeIds: list(v, 'themeIds'),
      }),
  },
  {
    name: 'out-of-remit',
    can: 'triage',
    group: 'triage',
    fields: [
      { name: 'reason', kind: 'radios', options: OUT_OF_REMIT_REASONS, labels: 'casework.options.outOfRemit' },
      { name: 'signposting', kind: 'textarea' },
      { name: 'letter', kind: 'letter', letterKinds: ['signposting'], optional: true },
      ON,
    ],
    applies: (page) => isComplaint(page) && page.case.stage !== 'ombudsman' && (isOpen(page) || page.case.status === 'on_hold'),
    call: (api, caseId, v) => api.staff.triage.outOfRemit({ caseId, reason: text(v, 'reason') as never, signposting: text(v, 'signposting') as string, ...on(v), ...letter(v) }),
  },
  {
    name: 'assign',
    can: 'assign',
    group: 'triage',
    fields: [{ name: 'officerId', kind: 'select', source: 'staff' }, ON],
    applies: isOpen,
    call: (api, caseId, v) => api.staff.triage.assign({ caseId, officerId: text(v, 'officerId') as string, ...on(v) }),
  },
  {
    name: 'acknowledge',
    can: 'acknowledge',
    group: 'triage',
    fields: [{ name: 'letter', kind: 'letter', letterKinds: ['acknowledgement'] }, ON],
    applies: (page) => !page.case.acknowledgedOn && (page.case.status === 'received' || page.case.status === 'in_progress'),
    call: (api, caseId, v) => api.staff.triage.acknowledge({ caseId, ...on(v), ...letter(v) }),
  },
  {
    name: 'link',
    can: 'triage',
    group: 'triage',
    fields: [
      { name: 'reference', kind: 'text' },
      { name: 'kind', kind: 'radios', options: ['related', 'same_person', 'duplicate'], labels: 'casework.options.linkKind' },
    ],
    applies: () => true,
    call: (api, caseId, v) => api.staff.triage.link({ caseId, reference: text(v, 'reference') ?? '', kind: text(v, 'kind') as never }),
  },
  {
    name: 'commissioned',
    can: 'triage',
    group: 'triage',
    fields: [
      { name: 'providerName', kind: 'text', optional: true },
      { name: 'providerProcedureUsed', kind: 'yesno', optional: true },
      { name: 'ofstedInformedOn', kind: 'date', optional: true },
      { name: 'ofstedOutcomeInformedOn', kind: 'date', optional: true },
    ],
    applies: isComplaint,
    call: (api, caseId, v) =>
      api.staff.case.updateCommissioned({
        caseId,
        providerName: text(v, 'providerName'),
        providerProcedureUsed: yesNo(v, 'providerProcedureUsed'),
        ofstedInformedOn: text(v, 'ofstedInformedOn'),
        ofstedOutcomeInformedOn: text(v, 'ofstedOutcomeInformedOn'),
      }),
  },
  {
    name: 'share',
    can: 'triage',
    group: 'triage',
    fields: [{ name: 'mayShare', kind: 'yesno' }],
    applies: (page) => page.case.type === 'compliment',
    call: (api, caseId, v) => api.staff.case.setMayShare({ caseId, mayShare: yesNo(v, 'mayShare') as boolean }),
  },

  // Work on the case ----------------------------------------------------------------
  {
    name: 'note',
    can: 'note',
    group: 'work',
    fields: [
      { name: 'kind', kind: 'radios', options: ['note', 'email_in', 'email_out', 'call', 'document'], labels: 'casework.timeline' },
      { name: 'subject', kind: 'text', optional: true },
      { name: 'text', kind: 'textarea' },
    ],
    applies: () => true,
    call: (api, caseId, v) => api.staff.case.addNote({ caseId, kind: text(v, 'kind') as never, subject: text(v, 'subject'), text: text(v, 'text') as string }),
  },
  {
    name: 'points',
    can: 'respond',
    group: 'work',
    fields: [{ name: 'points', kind: 'points' }],
    applies: (page) => isComplaint(page) && page.case.stage !== 'ombudsman' && !page.case.respondedOn && (isOpen(page) || page.case.status === 'on_hold'),
    call: (api, caseId, v) => {
      const points = list(v, 'pointId').map((id, i) => ({ id: id || undefined, summary: list(v, 'pointSummary')[i] ?? '', finding: (text(v, `pointFinding${i}`) ?? null) as never }));
      const added = text(v, 'newPoint');
      return api.staff.case.savePoints({ caseId, points: [...points.filter((p) => p.summary.trim() !== ''), ...(added ? [{ summary: added, finding: null as never }] : [])] });
    },
  },
  {
    name: 'extend',
    can: 'respond',
    group: 'work',
    fields: [{ name: 'limit', kind: 'number', optional: true }, { name: 'agreedOn', kind: 'date' }, { name: 'reason', kind: 'textarea' }, { name: 'letter', kind: 'letter', letterKinds: ['extension'], optional: true }],
    applies: (page) => page.case.type !== 'foi_request' && (isOpen(page) || page.case.status === 'on_hold') && page.deadlines.current.status === 'due',
    call: (api, caseId, v) => api.staff.case.extend({ caseId, limit: number(v, 'limit'), agreedOn: text(v, 'agreedOn') as string, reason: text(v, 'reason') as string, ...letter(v) }),
  },
  {
    name: 'respond',
    can: 'respond',
    group: 'work',
    fields: [
      { name: 'closure', kind: 'radios', options: ['resolved_on_receipt', 'local_resolution'], labels: 'outcome', optional: true },
      { name: 'letter', kind: 'letter', letterKinds: ['response'], optional: true },
      ON,
    ],
    applies: (page) => page.case.type !== 'foi_request' && page.case.stage !== 'ombudsman' && isOpen(page),
    call: (api, caseId, v) => api.staff.case.respond({ caseId, closure: text(v, 'closure') as never, ...on(v), ...letter(v) }),
  },
  {
    name: 'letter',
    can: 'respond',
    group: 'work',
    fields: [{ name: 'letter', kind: 'letter', letterKinds: ['general', 'response', 'acknowledgement', 'extension', 'signposting', 'clarification', 'fee_notice', 'escalation_decision'] }],
    applies: () => true,
    call: (api, caseId, v) => {
      const chosen = letter(v).letter;
      return api.staff.case.sendLetter({ caseId, templateId: chosen?.templateId ?? '', language: chosen?.language ?? 'en' });
    },
  },
  {
    name: 'remedy',
    can: 'respond',
    group: 'work',
    fields: [
      { name: 'type', kind: 'radios', options: REMEDY_TYPES, labels: 'casework.options.remedy', errorPath: 'remedy.type' },
      { name: 'amountPounds', kind: 'number', optional: true, errorPath: 'remedy.amountPounds' },
      { name: 'detail', kind: 'textarea', optional: true, errorPath: 'remedy.detail' },
      { name: 'agreedOn', kind: 'date', optional: true },
    ],
    applies: isComplaint,
    call: (api, caseId, v) =>
      api.staff.case.addRemedy({
        caseId,
        remedy: { type: text(v, 'type') as never, amountPounds: number(v, 'amountPounds') ?? null, detail: text(v, 'detail') },
        agreedOn: text(v, 'agreedOn'),
      }),
  },
  {
    name: 'remedy-complied',
    can: 'respond',
    group: 'work',
    fields: [{ name: 'remedyId', kind: 'hidden', from: 'query' }, { name: 'compliedOn', kind: 'date' }],
    applies: (page) => page.remedies.some((r) => !r.compliedOn),
    call: (api, caseId, v) => api.staff.case.setRemedyComplied({ caseId, remedyId: text(v, 'remedyId') ?? '', compliedOn: text(v, 'compliedOn') as string }),
  },
  {
    name: 'learning',
    can: 'learning',
    group: 'work',
    fields: [
      { name: 'actionId', kind: 'hidden', from: 'query' },
      { name: 'description', kind: 'textarea', errorPath: 'action.description' },
      { name: 'ownerId', kind: 'select', source: 'staff', errorPath: 'action.ownerId' },
      { name: 'dueOn', kind: 'date', errorPath: 'action.dueOn' },
      { name: 'status', kind: 'radios', options: LEARNING_ACTION_STATUSES, labels: 'casework.options.learningStatus', errorPath: 'action.status' },
      { name: 'complainantToldOn', kind: 'date', optional: true, errorPath: 'action.complainantToldOn' },
    ],
    applies: foundAtFault,
    call: (api, caseId, v) =>
      api.staff.case.saveLearningAction({
        caseId,
        actionId: text(v, 'actionId'),
        action: {
          description: text(v, 'description') as string,
          ownerId: text(v, 'ownerId') as string,
          dueOn: text(v, 'dueOn') as string,
          status: text(v, 'status') as never,
          complainantToldOn: text(v, 'complainantToldOn'),
        },
      }),
  },
  {
    name: 'person',
    can: 'people',
    group: 'work',
    fields: [
      { name: 'personId', kind: 'hidden', from: 'query' },
      { name: 'role', kind: 'radios', options: ['complainant', 'child', 'advocate', 'member', 'requester'], labels: 'casework.options.personRole' },
      { name: 'name', kind: 'text', optional: true },
      { name: 'email', kind: 'text', optional: true },
      { name: 'phone', kind: 'text', optional: true },
      { name: 'address', kind: 'textarea', optional: true },
      { name: 'dateOfBirth', kind: 'date', optional: true },
      { name: 'relationship', kind: 'text', optional: true },
      { name: 'contactPreference', kind: 'radios', options: ['email', 'phone', 'post', 'text'], labels: 'casework.options.contactPreference', optional: true },
      { name: 'language', kind: 'radios', options: ['en', 'cy'], labels: 'casework.options.language', optional: true },
      { name: 'adjustments', kind: 'textarea', optional: true },
      { name: 'consentRecordedOn', kind: 'date', optional: true },
    ],
    applies: () => true,
    call: (api, caseId, v) =>
      api.staff.case.savePerson({
        caseId,
        personId: text(v, 'personId'),
        role: text(v, 'role') as never,
        name: text(v, 'name'),
        email: text(v, 'email'),
        phone: text(v, 'phone'),
        address: text(v, 'address'),
        dateOfBirth: text(v, 'dateOfBirth'),
        relationship: text(v, 'relationship'),
        contactPreference: text(v, 'contactPreference') as never,
        language: text(v, 'language') as never,
        adjustments: text(v, 'adjustments'),
        consentRecordedOn: text(v, 'consentRecordedOn'),
      }),
  },

  // Escalation -------------------------------------------------------------------------
  {
    name: 'escalate',
    can: 'escalate',
    group: 'escalation',
    fields: [{ name: 'on', kind: 'date', optional: true }, { name: 'lateReason', kind: 'textarea', optional: true }],
    applies: (page) => (isComplaint(page) ? page.case.stage === '1' || page.case.stage === '2' : page.case.type === 'foi_request' && page.case.stage !== 'information_commissioner') && Boolean(page.case.respondedOn),
    call: (api, caseId, v) => api.staff.escalation.request({ caseId, ...on(v), lateReason: text(v, 'lateReason') }),
  },
  {
    name: 'decide',
    can: 'escalate',
    group: 'escalation',
    fields: [
      { name: 'decision', kind: 'radios', options: REQUEST_DECISIONS, labels: 'casework.options.decision' },
      { name: 'reason', kind: 'textarea', optional: true },
      { name: 'letter', kind: 'letter', letterKinds: ['escalation_decision'], optional: true },
      ON,
    ],
    applies: (page) => Boolean(page.state.request) && (page.state.request?.decision === null || page.state.request?.decision === 'on_hold'),
    call: (api, caseId, v) => api.staff.escalation.decide({ caseId, decision: text(v, 'decision') as never, reason: text(v, 'reason'), ...on(v), ...letter(v) }),
  },
  {
    name: 'appoint-investigator',
    can: 'escalate',
    group: 'escalation',
    fields: [{ name: 'userIds', kind: 'select', source: 'role:investigating_officer' }],
    applies: (page) => isComplaint(page) && page.case.stage === '2',
    call: (api, caseId, v) => api.staff.escalation.appoint({ caseId, role: 'investigating_officer', userIds: list(v, 'userIds') }),
  },
  {
    name: 'appoint-independent',
    can: 'escalate',
    group: 'escalation',
    fields: [{ name: 'userIds', kind: 'select', source: 'role:independent_person' }],
    applies: isStatutory('2'),
    call: (api, caseId, v) => api.staff.escalation.appoint({ caseId, role: 'independent_person', userIds: list(v, 'userIds') }),
  },
  {
    name: 'agree-statement',
    can: 'statement',
    group: 'escalation',
    fields: [ON],
    applies: (page) => isStatutory('2')(page) && !page.state.statementAgreedOn,
    call: (api, caseId, v) => api.staff.escalation.agreeStatement({ caseId, ...on(v) }),
  },
  {
    name: 'appoint-panel',
    can: 'escalate',
    group: 'escalation',
    fields: [{ name: 'userIds', kind: 'staffCheckboxes', role: 'panel_member' }],
    applies: (page) => isComplaint(page) && page.case.stage === '3',
    call: (api, caseId, v) => api.staff.escalation.appoint({ caseId, role: 'panel_member', userIds: list(v, 'userIds') }),
  },
  {
    name: 'schedule-panel',
    can: 'escalate',
    group: 'escalation',
    fields: [{ name: 'plannedOn', kind: 'date' }],
    applies: (page) => isStatutory('3')(page) && !page.state.panelHeldOn,
    call: (api, caseId, v) => api.staff.escalation.schedulePanel({ caseId, plannedOn: text(v, 'plannedOn') as string }),
  },
  {
    name: 'panel-held',
    can: 'panel',
    group: 'escalation',
    fields: [ON],
    applies: (page) => isStatutory('3')(page) && !page.state.panelHeldOn,
    call: (api, caseId, v) => api.staff.escalation.recordPanel({ caseId, ...on(v) }),
  },
  {
    name: 'panel-findings',
    can: 'panel',
    group: 'escalation',
    fields: [ON],
    applies: (page) => isStatutory('3')(page) && Boolean(page.state.panelHeldOn) && !page.state.findingsIssuedOn,
    call: (api, caseId, v) => api.staff.escalation.recordPanelFindings({ caseId, ...on(v) }),
  },
  {
    name: 'refer-ombudsman',
    can: 'escalate',
    group: 'escalation',
    fields: [ON, { name: 'ombudsmanReference', kind: 'text', optional: true }],
    applies: (page) => isComplaint(page) && page.case.stage !== 'ombudsman' && mayReferToOmbudsman(page),
    call: (api, caseId, v) => api.staff.escalation.referToOmbudsman({ caseId, ...on(v), ombudsmanReference: text(v, 'ombudsmanReference') }),
  },
  {
    name: 'ombudsman-decision',
    can: 'escalate',
    group: 'escalation',
    fields: [{ name: 'decision', kind: 'radios', options: OMBUDSMAN_DECISIONS, labels: 'outcome' }, ON],
    applies: (page) => page.case.stage === 'ombudsman' && !page.state.ombudsmanDecision,
    call: (api, caseId, v) => api.staff.escalation.ombudsmanDecision({ caseId, decision: text(v, 'decision') as never, ...on(v) }),
  },
  {
    name: 'ombudsman-outcome',
    can: 'escalate',
    group: 'escalation',
    fields: [
      { name: 'outcome', kind: 'radios', options: OMBUDSMAN_OUTCOMES, labels: 'outcome' },
      { name: 'remedyTypes', kind: 'checkboxes', options: REMEDY_TYPES, labels: 'casework.options.remedy', optional: true, errorPath: 'remedies' },
      { name: 'amountPounds', kind: 'number', optional: true },
      { name: 'remedyDetail', kind: 'textarea', optional: true },
      { name: 'complianceDueOn', kind: 'date', optional: true },
      ON,
    ],
    applies: (page) => page.case.stage === 'ombudsman' && page.state.ombudsmanDecision?.decision === 'to_be_investigated' && isOpen(page),
    call: (api, caseId, v) =>
      api.staff.escalation.ombudsmanOutcome({
        caseId,
        outcome: text(v, 'outcome') as never,
        remedies: list(v, 'remedyTypes').map((type) => ({ type: type as never, amountPounds: type === 'financial' ? (number(v, 'amountPounds') ?? null) : null, detail: text(v, 'remedyDetail') })),
        complianceDueOn: text(v, 'complianceDueOn'),
        ...on(v),
      }),
  },

  // FOI ------------------------------------------------------------------------------------
  {
    name: 'clarification-request',
    can: 'foi',
    group: 'foi',
    fields: [{ name: 'letter', kind: 'letter', letterKinds: ['clarification'], optional: true }, ON],
    applies: (page) => isFoiRequest(page) && isOpen(page) && !page.state.clarifications.some((c) => !c.receivedOn),
    call: (api, caseId, v) => api.staff.foi.requestClarification({ caseId, ...on(v), ...letter(v) }),
  },
  {
    name: 'clarification-received',
    can: 'foi',
    group: 'foi',
    fields: [ON],
    applies: (page) => isFoiRequest(page) && page.state.clarifications.some((c) => !c.receivedOn),
    call: (api, caseId, v) => api.staff.foi.receiveClarification({ caseId, ...on(v) }),
  },
  {
    name: 'fee-notice',
    can: 'foi',
    group: 'foi',
    fields: [{ name: 'letter', kind: 'letter', letterKinds: ['fee_notice'], optional: true }, ON],
    applies: (page) => isFoiRequest(page) && isOpen(page) && !page.state.feeNotices.some((f) => !f.paidOn),
    call: (api, caseId, v) => api.staff.foi.issueFeeNotice({ caseId, ...on(v), ...letter(v) }),
  },
  {
    name: 'fee-paid',
    can: 'foi',
    group: 'foi',
    fields: [ON],
    applies: (page) => isFoiRequest(page) && page.state.feeNotices.some((f) => !f.paidOn),
    call: (api, caseId, v) => api.staff.foi.recordFeePaid({ caseId, ...on(v) }),
  },
  {
    name: 'foi-extend',
    can: 'foi',
    group: 'foi',
    fields: [{ name: 'limit', kind: 'number', optional: true }, { name: 'agreedOn', kind: 'date' }, { name: 'reason', kind: 'textarea' }],
    applies: (page) => page.case.type === 'foi_request' && page.case.stage !== 'information_commissioner' && isOpen(page) && page.deadlines.current.status === 'due',
    call: (api, caseId, v) => api.staff.foi.extend({ caseId, limit: number(v, 'limit'), agreedOn: text(v, 'agreedOn') as string, reason: text(v, 'reason') as string }),
  },
  {
    name: 'foi-respond',
    can: 'foi',
    group: 'foi',
    fields: [
      { name: 'outcome', kind: 'radios', options: ['provided', 'partly_provided', 'withheld', 'not_held'], labels: 'outcome', optional: true },
      { name: 'exemptions', kind: 'checkboxes', options: ['s12', 's14', 's21', 's22', 's30', 's31', 's36', 's38', 's40', 's41', 's42', 's43'], labels: 'casework.options.exemption', optional: true },
      { name: 'letter', kind: 'letter', letterKinds: ['response', 'general'], optional: true },
      ON,
    ],
    applies: (page) => page.case.type === 'foi_request' && isOpen(page),
    call: (api, caseId, v) => api.staff.foi.respond({ caseId, outcome: text(v, 'outcome') as never, exemptions: list(v, 'exemptions') as never, ...on(v), ...letter(v) }),
  },
  {
    name: 'publish',
    can: 'foi',
    group: 'foi',
    fields: [{ name: 'title', kind: 'text' }, { name: 'summary', kind: 'textarea' }],
    applies: (page) => page.case.type === 'foi_request' && Boolean(page.case.respondedOn),
    call: (api, caseId, v) => api.staff.foi.publish({ caseId, title: text(v, 'title') ?? '', summary: text(v, 'summary') ?? '' }),
  },

  // Closing, holding -------------------------------------------------------------------------
  {
    name: 'close',
    can: 'close',
    group: 'close',
    fields: [ON],
    applies: (page) => page.case.status === 'responded' || (page.case.type === 'compliment' && isOpen(page)),
    call: (api, caseId, v) => api.staff.case.close({ caseId, ...on(v) }),
  },
  {
    name: 'hold',
    can: 'close',
    group: 'close',
    fields: [{ name: 'reason', kind: 'textarea' }, ON],
    applies: isOpen,
    call: (api, caseId, v) => api.staff.case.hold({ caseId, reason: text(v, 'reason') as string, ...on(v) }),
  },
  {
    name: 'resume',
    can: 'close',
    group: 'close',
    fields: [ON],
    applies: (page) => page.case.status === 'on_hold',
    call: (api, caseId, v) => api.staff.case.resume({ caseId, ...on(v) }),
  },
  {
    name: 'withdraw',
    can: 'close',
    group: 'close',
    fields: [{ name: 'reason', kind: 'textarea', optional: true }, ON],
    applies: (page) => isOpen(page) || page.case.status === 'on_hold',
    call: (api, caseId, v) => api.staff.case.withdraw({ caseId, reason: text(v, 'reason'), ...on(v) }),
  },
];

export function findCaseAction(name: string): CaseAction | undefined {
  return CASE_ACTIONS.find((action) => action.name === name);
}

/** The actions this person may take on this case now. */
export function availableActions(page: CasePage): CaseAction[] {
  return CASE_ACTIONS.filter((action) => page.can[action.can] && action.applies(page));
}

export { FINDINGS };
