import { adminRepository, caseworkRepository, type CaseRecord, type LetterTemplate } from '@heard/db';
import { codeToLabel, domainMessages, formatDate, isDomainMessageKey, type CaseState, type Language } from '@heard/domain';
import { AppError } from '../../../errors';
import { actorOf, deadlineColumns, nextStageWindow, rulesFor, todayOf, type StaffContext } from './context';
import { effectiveTemplates, renderTemplate, type MergeValues } from './letters';

const CASE_TYPE_CY: Record<string, string> = {
  children_act_complaint: 'Cwyn o dan Ddeddf Plant',
  corporate_complaint: 'Cwyn gorfforaethol',
  general_enquiry: 'Ymholiad cyffredinol',
  member_enquiry: 'Ymholiad gan aelod',
  mp_enquiry: 'Ymholiad gan AS',
  mayor_enquiry: 'Ymholiad gan y Maer',
  chief_executive_enquiry: 'Ymholiad gan y Prif Weithredwr',
  compliment: 'Canmoliaeth',
  foi_request: 'Cais Rhyddid Gwybodaeth',
};

function label(language: Language, prefix: string, code: string | null): string {
  if (!code) return '';
  const key = `${prefix}.${code}`;
  return isDomainMessageKey(key) ? domainMessages[language][key] : codeToLabel(code);
}

export async function listTemplates(ctx: StaffContext): Promise<LetterTemplate[]> {
  return effectiveTemplates(await adminRepository(ctx.tx).listTemplates({ activeOnly: true }));
}

export async function getTemplate(ctx: StaffContext, templateId: string): Promise<LetterTemplate> {
  const template = (await listTemplates(ctx)).find((t) => t.id === templateId);
  if (!template) throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { templateId: 'casework.errors.templateRequired' } });
  return template;
}

/** The merge fields of a case (as it is, or as a transition is about to make it), in a language. */
export async function mergeValues(ctx: StaffContext, record: CaseRecord, language: Language, state: CaseState = record.state): Promise<MergeValues> {
  const repo = caseworkRepository(ctx.tx);
  const rules = await rulesFor(ctx, state.policyDate);
  const people = await repo.listPeople(record.id);
  const person = people.find((p) => p.role === 'complainant' || p.role === 'requester' || p.role === 'member') ?? people[0];
  const staff = await repo.listAssignableStaff();
  const officer = staff.find((s) => s.id === state.assignedTo)?.displayName ?? ctx.session.displayName;
  const date = (value: string | null) => (value ? formatDate(value, language, { weekday: false }) : '');
  const dueOn = deadlineColumns(state, rules).dueOn;
  const nextStageBy = nextStageWindow(state, rules) ?? (state.status === 'responded' ? null : null);
  return {
    reference: record.reference,
    name: person?.name ?? (language === 'cy' ? 'Syr/Madam' : 'Sir or Madam'),
    council: language === 'cy' && ctx.council.nameCy ? ctx.council.nameCy : ctx.council.name,
    receivedOn: date(state.receivedOn),
    acknowledgedOn: date(state.acknowledgedOn),
    dueOn: date(dueOn),
    stage: label(language, 'stage', state.stage),
    caseType: language === 'cy' ? (CASE_TYPE_CY[state.type] ?? state.type) : codeToLabel(state.type),
    outcome: label(language, 'outcome', state.outcome),
    points: state.points.map((p, i) => `${i + 1}. ${p.summary}: ${label(language, 'outcome', p.finding)}`).join('\n'),
    signposting: state.outOfRemit?.signposting ?? '',
    officer,
    today: date(todayOf(ctx)),
    nextStageBy: date(nextStageBy),
    extensionReason: state.extension?.reason ?? '',
  };
}

export async function renderLetter(ctx: StaffContext, record: CaseRecord, templateId: string, language: Language, state?: CaseState) {
  const template = await getTemplate(ctx, templateId);
  const values = await mergeValues(ctx, record, language, state);
  const subject = renderTemplate(language === 'cy' ? template.subjectCy : template.subjectEn, values);
  const body = renderTemplate(language === 'cy' ? template.bodyCy : template.bodyEn, values);
  return { template, subject, body, language };
}

/** Renders a letter and records it as sent today, on the case's timeline. */
export async function recordLetter(ctx: StaffContext, record: CaseRecord, choice: { templateId: string; language: Language }, state?: CaseState): Promise<string> {
  const letter = await renderLetter(ctx, record, choice.templateId, choice.language, state);
  const repo = caseworkRepository(ctx.tx);
  const isDefault = letter.template.id.startsWith('default-');
  const sentOn = todayOf(ctx);
  const id = await repo.insertLetter(record.id, record.councilId, {
    templateId: isDefault ? null : letter.template.id,
    kind: letter.template.kind,
    language: choice.language,
    subject: letter.subject,
    body: letter.body,
    sentOn,
    sentByUserId: ctx.session.userId,
  });
  await repo.appendEvents(record.id, record.councilId, [{ type: 'letter_sent', payload: { letterId: id, kind: letter.template.kind, language: choice.language, on: sentOn } }], actorOf(ctx));
  return id;
}
