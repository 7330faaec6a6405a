import type { JourneyId } from '@heard/domain';

/**
 * How each question page of a journey looks: its fields (GOV.UK components)
 * and the prefix of its strings in `portal.json`. What the answers mean and
 * how they are checked is the domain's (`JOURNEY_STEPS`); this is only the
 * page. Strings, under `keys`:
 * - `title`: the question (the page's h1; a lone field's label or legend);
 * - `hint`, `intro` (optional);
 * - per field of a page with several: `fields.<name>.label`, `.hint`;
 * - options: `options.<value>` (one field) or `fields.<name>.options.<value>`,
 *   with optional `optionHints`, unless the field names shared option strings;
 * - `summary` / `fields.<name>.summary`: the row's label on "check your answers".
 */
export type FieldView =
  | {
      kind: 'radios';
      path: string;
      options: readonly string[] | 'services';
      /** Shared option strings, e.g. `portal.shared.yesNo` (else the step's own). */
      optionKeys?: string;
      conditional?: Readonly<Record<string, readonly FieldView[]>>;
      inline?: boolean;
    }
  | { kind: 'text'; path: string; type?: 'text' | 'email' | 'tel'; autoComplete?: string; width?: 2 | 3 | 4 | 5 | 10 | 20; inputMode?: 'numeric' | 'tel' | 'email'; spellCheck?: false }
  | { kind: 'textarea'; path: string; maxLength: number; rows?: number }
  | { kind: 'date'; path: string; autoComplete?: 'bday' }
  | { kind: 'address'; path: string };

export type StepView = {
  keys: string;
  fields: readonly FieldView[];
  /** Paragraphs before the question (`intro.0`, `intro.1`, ...). */
  intro?: number;
  /** The upload page: files are sent one at a time, not with the form. */
  upload?: boolean;
};

const yesNo = { kind: 'radios', options: ['yes', 'no'], inline: true } as const;
const language = (path: string): FieldView => ({ kind: 'radios', path, options: ['en', 'cy'], optionKeys: 'portal.shared.language', inline: true });
const address = (path: string): FieldView => ({ kind: 'address', path });

const contactFields = (prefix: string): FieldView[] => [
  { kind: 'text', path: `${prefix}.fullName`, autoComplete: 'name', spellCheck: false },
  { kind: 'text', path: `${prefix}.email`, type: 'email', autoComplete: 'email', spellCheck: false },
  { kind: 'text', path: `${prefix}.phone`, type: 'tel', autoComplete: 'tel', width: 20 },
  {
    kind: 'radios',
    path: `${prefix}.contactPreference`,
    options: ['email', 'phone', 'letter'],
    optionKeys: 'portal.shared.contactPreference',
    conditional: { letter: [address(`${prefix}.address`)] },
  },
  language(`${prefix}.language`),
];

const complaintSteps: Record<string, StepView> = {
  who: {
    keys: 'portal.complaint.who',
    fields: [{ kind: 'radios', path: 'role', options: ['parent', 'parental_responsibility', 'foster_carer', 'special_guardian', 'relative', 'advocate', 'professional', 'other', 'young_person'] }],
  },
  consent: { keys: 'portal.complaint.consent', fields: [{ kind: 'radios', path: 'youngPersonConsent', options: ['given', 'not_given', 'not_able', 'not_asked'] }] },
  advocate: {
    keys: 'portal.complaint.advocate',
    fields: [
      { kind: 'text', path: 'advocate.organisation', autoComplete: 'organization' },
      { kind: 'text', path: 'advocate.name', autoComplete: 'name', spellCheck: false },
    ],
  },
  child: {
    keys: 'portal.complaint.child',
    fields: [
      { kind: 'text', path: 'child.fullName', spellCheck: false },
      { kind: 'date', path: 'child.dateOfBirth' },
    ],
  },
  situation: {
    keys: 'portal.complaint.situation',
    fields: [{ kind: 'radios', path: 'child.situation', options: ['looked_after', 'care_leaver', 'child_in_need', 'child_protection', 'adoption', 'special_guardianship', 'none', 'not_sure'] }],
  },
  service: { keys: 'portal.complaint.service', fields: [{ kind: 'radios', path: 'service', options: 'services', optionKeys: 'portal.shared.service' }] },
  'what-happened': { keys: 'portal.complaint.what-happened', fields: [{ kind: 'textarea', path: 'whatHappened', maxLength: 5000, rows: 8 }] },
  when: { keys: 'portal.complaint.when', fields: [{ kind: 'date', path: 'matterOn' }] },
  proceedings: { keys: 'portal.complaint.proceedings', fields: [{ kind: 'radios', path: 'courtOrTribunalProceedings', options: ['yes', 'no', 'not_sure'], optionKeys: 'portal.shared.yesNoNotSure' }] },
  outcome: { keys: 'portal.complaint.outcome', fields: [{ kind: 'textarea', path: 'desiredOutcome', maxLength: 2000 }] },
  contact: { keys: 'portal.complaint.contact', fields: contactFields('contact') },
  adjustments: {
    keys: 'portal.complaint.adjustments',
    fields: [{ ...yesNo, path: 'needsAdjustments', inline: false, conditional: { yes: [{ kind: 'textarea', path: 'reasonableAdjustments', maxLength: 1000, rows: 3 }] } }],
  },
  files: { keys: 'portal.complaint.files', fields: [], upload: true },
};

/** Every journey's pages, by step id (the order is the domain's). */
export const JOURNEY_VIEWS: Readonly<Record<JourneyId, Readonly<Record<string, StepView>>>> = {
  complaint: complaintSteps,
  'young-person': {
    advocate: { keys: 'portal.young-person.advocate', intro: 3, fields: [{ kind: 'radios', path: 'wantsAdvocate', options: ['yes', 'already_have', 'no'] }] },
    'advocate-call': {
      keys: 'portal.young-person.advocate-call',
      fields: [
        { kind: 'text', path: 'advocatePhone', type: 'tel', autoComplete: 'tel', width: 20 },
        { kind: 'text', path: 'advocateCallTimes' },
      ],
    },
    name: {
      keys: 'portal.young-person.name',
      fields: [
        { kind: 'text', path: 'firstName', autoComplete: 'given-name', spellCheck: false, width: 20 },
        { kind: 'text', path: 'age', inputMode: 'numeric', width: 2 },
      ],
    },
    situation: {
      keys: 'portal.young-person.situation',
      fields: [{ kind: 'radios', path: 'situation', options: ['looked_after', 'care_leaver', 'child_in_need', 'child_protection', 'adoption', 'special_guardianship', 'none', 'not_sure'] }],
    },
    'what-happened': { keys: 'portal.young-person.what-happened', fields: [{ kind: 'textarea', path: 'whatHappened', maxLength: 5000, rows: 8 }] },
    'what-would-help': { keys: 'portal.young-person.what-would-help', fields: [{ kind: 'textarea', path: 'whatWouldHelp', maxLength: 2000 }] },
    contact: {
      keys: 'portal.young-person.contact',
      fields: [
        { kind: 'text', path: 'email', type: 'email', autoComplete: 'email', spellCheck: false },
        { kind: 'text', path: 'phone', type: 'tel', autoComplete: 'tel', width: 20 },
        { kind: 'textarea', path: 'trustedAdult', maxLength: 500, rows: 3 },
        language('language'),
      ],
    },
  },
  'advocate-complaint': {
    consent: { keys: 'portal.advocate-complaint.consent', fields: [{ kind: 'radios', path: 'youngPersonConsent', options: ['given', 'not_able'] }] },
    child: {
      keys: 'portal.advocate-complaint.child',
      fields: [
        { kind: 'text', path: 'child.fullName', spellCheck: false },
        { kind: 'date', path: 'child.dateOfBirth' },
      ],
    },
    situation: complaintSteps.situation!,
    service: complaintSteps.service!,
    'what-happened': complaintSteps['what-happened']!,
    when: complaintSteps.when!,
    proceedings: complaintSteps.proceedings!,
    outcome: complaintSteps.outcome!,
    language: { keys: 'portal.advocate-complaint.language', fields: [language('contact.language')] },
    adjustments: complaintSteps.adjustments!,
    files: complaintSteps.files!,
  },
  compliment: {
    service: { keys: 'portal.compliment.service', fields: [{ kind: 'radios', path: 'service', options: 'services', optionKeys: 'portal.shared.service' }] },
    person: { keys: 'portal.compliment.person', fields: [{ kind: 'text', path: 'aboutWhom' }] },
    message: { keys: 'portal.compliment.message', fields: [{ kind: 'textarea', path: 'message', maxLength: 3000, rows: 6 }] },
    share: { keys: 'portal.compliment.share', fields: [{ ...yesNo, path: 'mayShare' }] },
    reply: {
      keys: 'portal.compliment.reply',
      fields: [
        {
          ...yesNo,
          path: 'wantsReply',
          inline: false,
          conditional: {
            yes: [
              { kind: 'text', path: 'fullName', autoComplete: 'name', spellCheck: false },
              { kind: 'text', path: 'email', type: 'email', autoComplete: 'email', spellCheck: false },
            ],
          },
        },
        language('language'),
      ],
    },
  },
  enquiry: {
    route: { keys: 'portal.enquiry.route', fields: [{ kind: 'radios', path: 'route', options: ['general', 'member', 'mp', 'mayor', 'chief_executive'] }] },
    resident: {
      keys: 'portal.enquiry.resident',
      fields: [
        { kind: 'text', path: 'office', autoComplete: 'organization' },
        { kind: 'text', path: 'onBehalfOf.fullName', spellCheck: false },
      ],
    },
    service: { keys: 'portal.enquiry.service', fields: [{ kind: 'radios', path: 'service', options: 'services', optionKeys: 'portal.shared.service' }] },
    question: { keys: 'portal.enquiry.question', fields: [{ kind: 'textarea', path: 'question', maxLength: 5000, rows: 8 }] },
    contact: { keys: 'portal.enquiry.contact', fields: contactFields('enquirer') },
  },
  foi: {
    request: { keys: 'portal.foi.request', fields: [{ kind: 'textarea', path: 'request', maxLength: 10000, rows: 10 }] },
    format: { keys: 'portal.foi.format', fields: [{ kind: 'radios', path: 'preferredFormat', options: ['electronic', 'paper'] }] },
    contact: {
      keys: 'portal.foi.contact',
      fields: [
        { kind: 'text', path: 'fullName', autoComplete: 'name', spellCheck: false },
        { kind: 'text', path: 'email', type: 'email', autoComplete: 'email', spellCheck: false },
        address('address'),
        language('language'),
      ],
    },
  },
};

/** Whether a page asks one thing, so that its question is the field's label (with an introduction, the heading stands apart). */
export function isLone(step: StepView): boolean {
  return step.fields.length === 1 && !step.intro;
}

/** A field's own name (the last part of its path). */
export function fieldName(path: string): string {
  return path.split('.').at(-1) as string;
}

/** The prefix of a field's strings: the step's own for a lone field, else `fields.<name>`. */
export function fieldKeys(step: StepView, field: FieldView, lone: boolean): string {
  return lone ? step.keys : `${step.keys}.fields.${fieldName(field.path)}`;
}

export const ADDRESS_PARTS = ['line1', 'line2', 'town', 'postcode'] as const;

/** A value at a dotted path of nested form values. */
export function valueAt(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), values);
}

/** Where the person starts each journey, and where its back link first goes. */
export const JOURNEY_START: Readonly<Record<JourneyId, string>> = {
  complaint: '/start',
  'young-person': '/start',
  'advocate-complaint': '/advocate',
  compliment: '/start',
  enquiry: '/start',
  foi: '/start',
};

/** Which journeys have an upload page (their drafts hold files). */
export function hasUploads(journey: JourneyId): boolean {
  return Object.values(JOURNEY_VIEWS[journey]).some((step) => step.upload);
}
