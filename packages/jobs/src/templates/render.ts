import { createInstance, type i18n as I18n } from 'i18next';
import { formatDate, percentFloor, toUkDate, type IsoDate } from '@heard/domain';
import { z } from 'zod';
import cy from './cy/emails.json';
import en from './en/emails.json';

/**
 * Emails and text messages in English and Welsh (the person's language; a
 * member of staff's own setting for reminders and digests). The strings are
 * in `en/emails.json` and `cy/emails.json`, kept key for key by a test; this
 * module turns a queued message (template key + payload, as the outbox holds
 * it) into the subject and plain-text body that are sent.
 */
export type Language = 'en' | 'cy';
export const TEMPLATE_LANGUAGES: readonly Language[] = ['en', 'cy'];
export const templateResources = { en, cy } as const;

const instance: I18n = createInstance();
void instance.init({
  resources: { en: { emails: en }, cy: { emails: cy } },
  lng: 'en',
  fallbackLng: false,
  ns: ['emails'],
  defaultNS: 'emails',
  initImmediate: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

function t(language: Language, key: string, values: Record<string, unknown> = {}): string {
  const fixed = instance.getFixedT(language, 'emails');
  const text = fixed(key, values as Record<string, string>);
  if (text === key) throw new TemplateError(`no text for ${language}:${key}`);
  return text;
}

/** A message that cannot be rendered (unknown template, missing data): it fails at once, it is not retried. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** What the worker knows about the message's council and case, beyond its payload. */
export type RenderContext = {
  councilName: string;
  /** Where the person follows the case (the council's portal). */
  portalUrl: string;
  case?: {
    reference: string;
    type: string;
    receivedOn: IsoDate;
    dueOn: IsoDate | null;
    respondedOn: IsoDate | null;
  } | null;
};

export type RenderedMessage = { subject: string; body: string };

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * One line of a reminder: a deadline of a case on the day of the reminder,
 * or (`statement`, `awaiting_statement`) a statutory Stage 2 still awaiting
 * its agreed statement: `dueOn` is the day it was to be agreed by and
 * `acceptedOn` the day the request was accepted.
 */
export const ZReminderItem = z
  .object({
    caseId: z.string(),
    reference: z.string(),
    type: z.string(),
    deadline: z.enum(['acknowledgement', 'response', 'statement']),
    dueOn: ZDate,
    state: z.enum(['due_in', 'due_today', 'overdue', 'awaiting_statement']),
    /** Working days until the deadline (due_in) or since it (overdue), or since the acceptance (awaiting_statement). */
    workingDays: z.number().int().min(0),
    acceptedOn: ZDate.optional(),
    /** Set when the recipient is copied as the owner's manager: the owner's name. */
    copyOfOwner: z.string().nullable(),
  })
  .refine((item) => item.state !== 'awaiting_statement' || (item.deadline === 'statement' && item.acceptedOn !== undefined), {
    message: 'an awaiting statement reminder needs its acceptance date',
    path: ['acceptedOn'],
  });
export type TReminderItem = z.infer<typeof ZReminderItem>;

export const ZReminderPayload = z.object({ name: z.string(), today: ZDate, items: z.array(ZReminderItem).min(1) });
export type TReminderPayload = z.infer<typeof ZReminderPayload>;

const ZDigestCase = z.object({
  reference: z.string(),
  type: z.string(),
  division: z.string().nullable(),
  owner: z.string().nullable(),
  dueOn: ZDate,
  workingDays: z.number().int().optional(),
});
export const ZDigestPayload = z.object({
  name: z.string(),
  today: ZDate,
  weekOf: ZDate,
  byDivision: z.array(
    z.object({ division: z.string().nullable(), red: z.number(), amber: z.number(), green: z.number(), none: z.number(), total: z.number() }),
  ),
  overdue: z.array(ZDigestCase),
  overdueTotal: z.number(),
  dueNextWeek: z.array(ZDigestCase),
  dueNextWeekTotal: z.number(),
  quarter: z.object({ label: z.string(), from: ZDate, received: z.number(), responded: z.number(), onTime: z.number() }),
});
export type TDigestPayload = z.infer<typeof ZDigestPayload>;

const ZCodePayload = z.object({ code: z.string().min(1), reference: z.string().optional(), minutes: z.number().optional() });
const ZLinkPayload = z.object({ link: z.string().min(1), reference: z.string().optional(), minutes: z.number().optional() });
const ZCasePayload = z
  .object({
    reference: z.string(),
    dueOn: ZDate.nullable(),
    receivedOn: ZDate,
    respondedOn: ZDate.nullable(),
    escalateBy: ZDate.nullable(),
    caseType: z.string(),
    /** The portal's signed link that opens this case (30 days); without it, the portal's address. */
    trackUrl: z.string().regex(/^https?:\/\//),
  })
  .partial();
/** "Save and come back later": the link that reopens a draft, and when the draft (and the link) expires. */
const ZDraftLinkPayload = z.object({ url: z.string().regex(/^https?:\/\//), expiresAt: z.string().datetime({ offset: true }) });

/** The templates the worker knows; a message with any other key fails with a clear error. */
export const TEMPLATE_KEYS = [
  'acknowledgement',
  'response_sent',
  'escalation_received',
  'tracking_code',
  'tracking_link',
  'advocate_link',
  'draft_link',
  'reminder',
  'weekly_digest',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

function date(value: IsoDate, language: Language): string {
  return formatDate(value, language, { weekday: true });
}

function parse<T>(schema: z.ZodType<T>, payload: unknown, template: string): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new TemplateError(`${template}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'} ${i.message}`).join('; ')}`);
  return parsed.data;
}

function withFooter(language: Language, context: RenderContext, body: string, options: { track?: string } = {}): string {
  const parts = [body];
  if (options.track) parts.push(t(language, 'common.trackLine', { trackUrl: options.track }));
  parts.push(t(language, 'common.signOff', { councilName: context.councilName }));
  parts.push(t(language, 'common.doNotReply', { councilName: context.councilName }));
  return parts.join('\n\n');
}

/**
 * Renders a queued message. `payload` values win over what is read from the
 * case (the portal may queue the acknowledgement with the reference and due
 * date it showed the person).
 *
 * @example renderTemplate('acknowledgement', 'cy', 'email', { reference: 'CYP-1234-X' }, context).subject
 */
export function renderTemplate(template: string, language: Language, channel: 'email' | 'sms', payload: unknown, context: RenderContext): RenderedMessage {
  if (!(TEMPLATE_KEYS as readonly string[]).includes(template)) throw new TemplateError(`unknown template "${template}"`);
  const key = template as TemplateKey;
  if (channel === 'sms' && key !== 'tracking_code') throw new TemplateError(`no text message for template "${template}"`);
  switch (key) {
    case 'acknowledgement':
    case 'response_sent':
    case 'escalation_received': {
      const given = parse(ZCasePayload, payload ?? {}, key);
      const facts = context.case;
      const reference = given.reference ?? facts?.reference;
      const type = given.caseType ?? facts?.type;
      if (!reference || !type) throw new TemplateError(`${key}: no case reference`);
      const values = { reference, caseType: t(language, `common.caseTypes.${type}`), councilName: context.councilName };
      if (key === 'acknowledgement') {
        const receivedOn = given.receivedOn ?? facts?.receivedOn;
        if (!receivedOn) throw new TemplateError('acknowledgement: no date received');
        const dueOn = given.dueOn !== undefined ? given.dueOn : (facts?.dueOn ?? null);
        const body = dueOn
          ? t(language, 'acknowledgement.body', { ...values, receivedOn: date(receivedOn, language), dueOn: date(dueOn, language) })
          : t(language, 'acknowledgement.bodyNoDeadline', { ...values, receivedOn: date(receivedOn, language) });
        return { subject: t(language, 'acknowledgement.subject', values), body: withFooter(language, context, body, { track: given.trackUrl ?? context.portalUrl }) };
      }
      if (key === 'response_sent') {
        const respondedOn = given.respondedOn ?? facts?.respondedOn;
        if (!respondedOn) throw new TemplateError('response_sent: no response date');
        const body = given.escalateBy
          ? t(language, 'response_sent.body', { ...values, respondedOn: date(respondedOn, language), escalateBy: date(given.escalateBy, language) })
          : t(language, 'response_sent.bodyNoWindow', { ...values, respondedOn: date(respondedOn, language) });
        return { subject: t(language, 'response_sent.subject', values), body: withFooter(language, context, body, { track: given.trackUrl ?? context.portalUrl }) };
      }
      const dueOn = given.dueOn ?? null;
      const body = dueOn ? t(language, 'escalation_received.body', { ...values, dueOn: date(dueOn, language) }) : t(language, 'escalation_received.bodyNoDeadline', values);
      return { subject: t(language, 'escalation_received.subject', values), body: withFooter(language, context, body, { track: given.trackUrl ?? context.portalUrl }) };
    }
    case 'tracking_code': {
      const given = parse(ZCodePayload, payload, key);
      const values = { code: given.code, reference: given.reference ?? context.case?.reference ?? '', minutes: given.minutes ?? 15, councilName: context.councilName };
      if (channel === 'sms') return { subject: '', body: t(language, 'tracking_code.sms', values) };
      return { subject: t(language, 'tracking_code.subject', values), body: withFooter(language, context, t(language, 'tracking_code.body', values)) };
    }
    case 'tracking_link':
    case 'advocate_link': {
      const given = parse(ZLinkPayload, payload, key);
      const values = { link: given.link, reference: given.reference ?? context.case?.reference ?? '', minutes: given.minutes ?? 60, councilName: context.councilName };
      return { subject: t(language, `${key}.subject`, values), body: withFooter(language, context, t(language, `${key}.body`, values)) };
    }
    case 'draft_link': {
      const given = parse(ZDraftLinkPayload, payload, key);
      const values = { link: given.url, expiresOn: formatDate(toUkDate(given.expiresAt), language, { weekday: false }), councilName: context.councilName };
      return { subject: t(language, 'draft_link.subject', values), body: withFooter(language, context, t(language, 'draft_link.body', values)) };
    }
    case 'reminder':
      return renderReminder(parse(ZReminderPayload, payload, key), language, context);
    case 'weekly_digest':
      return renderDigest(parse(ZDigestPayload, payload, key), language, context);
  }
}

function reminderState(item: TReminderItem, language: Language): string {
  if (item.state === 'awaiting_statement') {
    return t(language, 'reminder.awaitingStatement', { acceptedOn: date(item.acceptedOn ?? item.dueOn, language), days: item.workingDays });
  }
  const values = { deadline: t(language, `common.deadlines.${item.deadline}`), dueOn: date(item.dueOn, language), days: item.workingDays };
  const key = item.state === 'due_in' ? 'reminder.dueIn' : item.state === 'due_today' ? 'reminder.dueToday' : 'reminder.overdue';
  return t(language, key, values);
}

function renderReminder(payload: TReminderPayload, language: Language, context: RenderContext): RenderedMessage {
  const first = payload.items[0]!;
  const one = payload.items.length === 1;
  const subject = one
    ? t(language, 'reminder.subjectOne', { reference: first.reference, state: reminderState(first, language) })
    : t(language, 'reminder.subjectMany', { count: payload.items.length });
  const lines = [t(language, 'reminder.greeting', { name: payload.name }), '', t(language, one ? 'reminder.introOne' : 'reminder.introMany')];
  for (const item of payload.items) {
    lines.push(t(language, 'reminder.item', { reference: item.reference, caseType: caseTypeName(item.type, language), state: reminderState(item, language) }));
    if (item.copyOfOwner) lines.push(t(language, 'reminder.copyNote', { owner: item.copyOfOwner }));
  }
  lines.push('', t(language, 'reminder.footer'));
  return { subject, body: withFooter(language, context, lines.join('\n')) };
}

function caseTypeName(type: string, language: Language): string {
  return instance.exists(`common.caseTypes.${type}`, { lng: language }) ? t(language, `common.caseTypes.${type}`) : type;
}

function renderDigest(payload: TDigestPayload, language: Language, context: RenderContext): RenderedMessage {
  const noDivision = t(language, 'weekly_digest.noDivision');
  const unassigned = t(language, 'weekly_digest.unassigned');
  const caseLine = (key: string, c: z.infer<typeof ZDigestCase>) =>
    t(language, key, {
      reference: c.reference,
      caseType: caseTypeName(c.type, language),
      division: c.division ?? noDivision,
      owner: c.owner ?? unassigned,
      dueOn: date(c.dueOn, language),
      days: c.workingDays ?? 0,
    });
  const lines = [t(language, 'weekly_digest.greeting', { name: payload.name }), '', t(language, 'weekly_digest.intro', { councilName: context.councilName, today: date(payload.today, language) }), ''];
  lines.push(t(language, 'weekly_digest.byDivisionTitle'));
  if (payload.byDivision.length === 0) lines.push(t(language, 'weekly_digest.none'));
  for (const row of payload.byDivision) lines.push(t(language, 'weekly_digest.divisionLine', { ...row, division: row.division ?? noDivision }));
  lines.push('', t(language, 'weekly_digest.overdueTitle', { count: payload.overdueTotal }));
  if (payload.overdue.length === 0) lines.push(t(language, 'weekly_digest.none'));
  for (const c of payload.overdue) lines.push(caseLine('weekly_digest.overdueLine', c));
  if (payload.overdueTotal > payload.overdue.length) lines.push(t(language, 'weekly_digest.more', { count: payload.overdueTotal - payload.overdue.length }));
  lines.push('', t(language, 'weekly_digest.dueNextWeekTitle', { count: payload.dueNextWeekTotal }));
  if (payload.dueNextWeek.length === 0) lines.push(t(language, 'weekly_digest.none'));
  for (const c of payload.dueNextWeek) lines.push(caseLine('weekly_digest.dueLine', c));
  if (payload.dueNextWeekTotal > payload.dueNextWeek.length) lines.push(t(language, 'weekly_digest.more', { count: payload.dueNextWeekTotal - payload.dueNextWeek.length }));
  const q = payload.quarter;
  const percent = q.responded === 0 ? '-' : `${percentFloor(q.onTime, q.responded)}%`;
  lines.push('', t(language, 'weekly_digest.quarterTitle', { quarter: q.label, from: date(q.from, language) }));
  lines.push(t(language, 'weekly_digest.quarterReceived', { received: q.received }));
  lines.push(t(language, 'weekly_digest.quarterResponded', { responded: q.responded, onTime: q.onTime, percent }));
  return { subject: t(language, 'weekly_digest.subject', { weekOf: date(payload.weekOf, language) }), body: withFooter(language, context, lines.join('\n')) };
}
