import type { LetterKind, LetterTemplate } from '@heard/db';

/**
 * Letters from templates. A template's subject and body hold merge fields,
 * `{{name}}`, filled from the case when the letter is previewed and, as
 * previewed, recorded as sent. Councils write their own templates in English
 * and Welsh (admin); until they do, these defaults are used.
 */
export const MERGE_FIELDS = [
  'reference',
  'name',
  'council',
  'receivedOn',
  'acknowledgedOn',
  'dueOn',
  'stage',
  'caseType',
  'outcome',
  'points',
  'signposting',
  'officer',
  'today',
  'nextStageBy',
  'extensionReason',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Record<MergeField, string>;

/** The merge fields a text uses that do not exist (a template is refused with them). */
export function unknownMergeFields(text: string): string[] {
  const used = [...text.matchAll(/\{\{\s*([^}\s]*)\s*\}\}/g)].map((m) => m[1] ?? '');
  return [...new Set(used.filter((field) => !(MERGE_FIELDS as readonly string[]).includes(field)))];
}

export function renderTemplate(text: string, values: MergeValues): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, field: string) => ((MERGE_FIELDS as readonly string[]).includes(field) ? values[field as MergeField] : whole));
}

type Default = { kind: LetterKind; name: string; subjectEn: string; bodyEn: string; subjectCy: string; bodyCy: string };

const DEFAULTS: Default[] = [
  {
    kind: 'acknowledgement',
    name: 'Acknowledgement',
    subjectEn: 'We have received your case {{reference}}',
    bodyEn:
      'Dear {{name}}\n\nThank you for contacting {{council}}. We received your case on {{receivedOn}} and its reference is {{reference}}.\n\nWe will reply by {{dueOn}}. {{officer}} is looking after it.\n\nYours sincerely\n{{council}}',
    subjectCy: 'Rydym wedi cael eich achos {{reference}}',
    bodyCy:
      'Annwyl {{name}}\n\nDiolch am gysylltu â {{council}}. Cawsom eich achos ar {{receivedOn}} a’i gyfeirnod yw {{reference}}.\n\nByddwn yn ateb erbyn {{dueOn}}. Mae {{officer}} yn gofalu amdano.\n\nYn gywir\n{{council}}',
  },
  {
    kind: 'response',
    name: 'Response',
    subjectEn: 'Our response to your complaint {{reference}} ({{stage}})',
    bodyEn:
      'Dear {{name}}\n\nWe have looked into your complaint {{reference}}. Our findings on each point:\n\n{{points}}\n\nOverall, your complaint is: {{outcome}}.\n\nIf you are not satisfied, you can ask for the next stage by {{nextStageBy}}.\n\nYours sincerely\n{{officer}}\n{{council}}',
    subjectCy: 'Ein hymateb i’ch cwyn {{reference}} ({{stage}})',
    bodyCy:
      'Annwyl {{name}}\n\nRydym wedi edrych ar eich cwyn {{reference}}. Ein canfyddiadau ar bob pwynt:\n\n{{points}}\n\nYn gyffredinol, mae eich cwyn: {{outcome}}.\n\nOs nad ydych yn fodlon, gallwch ofyn am y cam nesaf erbyn {{nextStageBy}}.\n\nYn gywir\n{{officer}}\n{{council}}',
  },
  {
    kind: 'signposting',
    name: 'Signposting (out of remit)',
    subjectEn: 'Your case {{reference}}: who can help',
    bodyEn:
      'Dear {{name}}\n\nWe have read your case {{reference}} carefully. It is not something our complaints procedure can look into, but we want you to get help with it.\n\n{{signposting}}\n\nYours sincerely\n{{council}}',
    subjectCy: 'Eich achos {{reference}}: pwy all helpu',
    bodyCy:
      'Annwyl {{name}}\n\nRydym wedi darllen eich achos {{reference}} yn ofalus. Nid yw’n rhywbeth y gall ein gweithdrefn gwyno edrych arno, ond rydym am i chi gael help gydag ef.\n\n{{signposting}}\n\nYn gywir\n{{council}}',
  },
  {
    kind: 'extension',
    name: 'Extension',
    subjectEn: 'More time to answer your case {{reference}}',
    bodyEn: 'Dear {{name}}\n\nAs agreed with you, we need more time to answer your case {{reference}}: {{extensionReason}}.\n\nWe will now reply by {{dueOn}}.\n\nYours sincerely\n{{officer}}',
    subjectCy: 'Mwy o amser i ateb eich achos {{reference}}',
    bodyCy: 'Annwyl {{name}}\n\nFel y cytunwyd gyda chi, mae angen mwy o amser arnom i ateb eich achos {{reference}}: {{extensionReason}}.\n\nByddwn nawr yn ateb erbyn {{dueOn}}.\n\nYn gywir\n{{officer}}',
  },
  {
    kind: 'clarification',
    name: 'Clarification request',
    subjectEn: 'Your request {{reference}}: we need more detail',
    bodyEn: 'Dear {{name}}\n\nTo answer your request {{reference}} we need you to tell us more about the information you want. We will answer within 20 working days of your reply.\n\nYours sincerely\n{{council}}',
    subjectCy: 'Eich cais {{reference}}: mae angen mwy o fanylion arnom',
    bodyCy: 'Annwyl {{name}}\n\nEr mwyn ateb eich cais {{reference}} mae angen i chi ddweud mwy wrthym am yr wybodaeth rydych ei heisiau. Byddwn yn ateb o fewn 20 diwrnod gwaith i’ch ateb.\n\nYn gywir\n{{council}}',
  },
  {
    kind: 'fee_notice',
    name: 'Fees notice',
    subjectEn: 'Your request {{reference}}: fees notice',
    bodyEn: 'Dear {{name}}\n\nA fee is payable before we can answer your request {{reference}}. The time to answer stops until the fee is paid.\n\nYours sincerely\n{{council}}',
    subjectCy: 'Eich cais {{reference}}: hysbysiad ffioedd',
    bodyCy: 'Annwyl {{name}}\n\nMae ffi yn daladwy cyn y gallwn ateb eich cais {{reference}}. Mae’r amser i ateb yn stopio nes bod y ffi wedi’i thalu.\n\nYn gywir\n{{council}}',
  },
  {
    kind: 'escalation_decision',
    name: 'Decision on your request for the next stage',
    subjectEn: 'Your request for the next stage of {{reference}}',
    bodyEn: 'Dear {{name}}\n\nWe have considered your request for {{stage}} of your complaint {{reference}}. {{officer}} will contact you about what happens next.\n\nYours sincerely\n{{council}}',
    subjectCy: 'Eich cais am gam nesaf {{reference}}',
    bodyCy: 'Annwyl {{name}}\n\nRydym wedi ystyried eich cais am {{stage}} eich cwyn {{reference}}. Bydd {{officer}} yn cysylltu â chi ynghylch beth sy’n digwydd nesaf.\n\nYn gywir\n{{council}}',
  },
  {
    kind: 'general',
    name: 'General letter',
    subjectEn: 'Your case {{reference}}',
    bodyEn: 'Dear {{name}}\n\n\n\nYours sincerely\n{{officer}}\n{{council}}',
    subjectCy: 'Eich achos {{reference}}',
    bodyCy: 'Annwyl {{name}}\n\n\n\nYn gywir\n{{officer}}\n{{council}}',
  },
];

export const DEFAULT_TEMPLATE_PREFIX = 'default-';

/** The council's active templates, and a default for every kind it has none of. */
export function effectiveTemplates(councilTemplates: readonly LetterTemplate[]): LetterTemplate[] {
  const active = councilTemplates.filter((t) => t.active);
  const kinds = new Set(active.map((t) => t.kind));
  const defaults = DEFAULTS.filter((d) => !kinds.has(d.kind)).map((d) => ({ ...d, id: `${DEFAULT_TEMPLATE_PREFIX}${d.kind}`, active: true }));
  return [...active, ...defaults];
}
