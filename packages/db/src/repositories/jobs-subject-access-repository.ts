import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../client';

/**
 * Who a subject access request is about: an email address, a phone number,
 * or a name with a date of birth (a child on a case has no contact details
 * of their own). Any of them may be given; a record matching any belongs to
 * the person.
 */
export type SubjectQuery = {
  email?: string | undefined;
  phone?: string | undefined;
  name?: string | undefined;
  /** `YYYY-MM-DD`; only with `name`. */
  dateOfBirth?: string | undefined;
};

/** A stored row as it is held (column name to value), without secrets such as hashes. */
export type HeldRow = Record<string, unknown>;

export type SubjectDocument = {
  id: string;
  caseId: string | null;
  draftId: string | null;
  fileName: string;
  contentType: string;
  content: Uint8Array;
};

/** One case the person is on, with what is held on it. */
export type SubjectCase = {
  id: string;
  reference: string;
  language: 'en' | 'cy';
  case: HeldRow;
  /** The person's own rows on the case (never the other people on it). */
  people: HeldRow[];
  events: HeldRow[];
  /** Messages to the person's own addresses and numbers about the case. */
  messages: HeldRow[];
  letters: HeldRow[];
  points: HeldRow[];
  remedies: HeldRow[];
  learningActions: HeldRow[];
  advocacyReferrals: HeldRow[];
};

/** Everything held about a person in the selected council. */
export type SubjectAccessData = {
  cases: SubjectCase[];
  /** Messages to the person not about one of their cases (a come-back link, a code for a case they are not on). */
  otherMessages: HeldRow[];
  /** Forms started on the portal and not sent, that carry the person's email address. */
  drafts: HeldRow[];
  /** An advocate's sign-in account (no password or second-factor secret). */
  accounts: HeldRow[];
  documents: SubjectDocument[];
  /** The person's language as the records say (their own rows first, then their cases'), for the covering note. */
  language: 'en' | 'cy';
};

/** The last ten digits of a phone number: `07700 900982` and `+44 7700 900982` are the same number. */
function phoneKey(phone: string | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 10 ? digits.slice(-10) : null;
}

function normaliseName(name: string | undefined): string | null {
  const value = (name ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  return value === '' ? null : value;
}

/**
 * Subject access (UK GDPR art. 15): the person's records in the selected
 * council, found from their `case_people` rows (by email, phone, or name
 * and date of birth) and their advocate account: the cases they are on with
 * each case's history, complaint points, remedies, learning actions,
 * advocacy referrals, letters and uploaded documents; the messages sent to
 * their own addresses; drafts carrying their email and the files uploaded
 * to them. Other people's rows on the same cases are left out.
 *
 * Runs in the caller's transaction, so row-level security applies: a staff
 * member sees what their role may read.
 */
export function subjectAccessRepository(tx: Tx) {
  return {
    async collect(query: SubjectQuery): Promise<SubjectAccessData> {
      const email = query.email?.trim().toLowerCase() || null;
      const phone = phoneKey(query.phone);
      const name = normaliseName(query.name);
      const dateOfBirth = name && query.dateOfBirth ? query.dateOfBirth : null;
      const empty: SubjectAccessData = { cases: [], otherMessages: [], drafts: [], accounts: [], documents: [], language: 'en' };
      if (!email && !phone && !dateOfBirth) return empty;

      const accounts = email
        ? (
            await sql<HeldRow>`
              select id, email, display_name, kind, organisation, language, active, created_at
              from users where kind = 'advocate' and email = ${email}
              order by created_at, id`.execute(tx)
          ).rows
        : [];
      const accountIds = accounts.map((a) => a.id as string);
      const people = (
        await sql<HeldRow>`
          select * from case_people
          where (${email}::text is not null and lower(trim(email)) = ${email})
             or (${phone}::text is not null and right(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), 10) = ${phone}
                 and length(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')) >= 10)
             or (${dateOfBirth}::date is not null and date_of_birth = ${dateOfBirth}::date
                 and regexp_replace(lower(trim(coalesce(name, ''))), '\\s+', ' ', 'g') = ${name})
             or user_id = any(${accountIds}::uuid[])
          order by created_at, id`.execute(tx)
      ).rows;
      const caseIds = [...new Set(people.map((p) => p.case_id as string))];
      // Where messages to the person went: what was asked for, and what their own rows hold.
      const addresses = new Set<string>();
      if (email) addresses.add(email);
      for (const person of people)
        if (typeof person.email === 'string' && person.email.trim()) addresses.add(person.email.trim().toLowerCase());
      const phones = new Set<string>();
      if (phone) phones.add(phone);
      for (const person of people) {
        const key = phoneKey(typeof person.phone === 'string' ? person.phone : undefined);
        if (key) phones.add(key);
      }

      const byCase = async (query: RawBuilder<HeldRow>): Promise<HeldRow[]> => (caseIds.length ? (await query.execute(tx)).rows : []);
      const [cases, events, letters, points, remedies, learningActions, referrals, messages, drafts] = await Promise.all([
        byCase(sql<HeldRow>`select * from cases where id = any(${caseIds}::uuid[]) order by received_on, reference`),
        byCase(sql<HeldRow>`select * from case_events where case_id = any(${caseIds}::uuid[]) order by case_id, id`),
        byCase(sql<HeldRow>`select * from letters where case_id = any(${caseIds}::uuid[]) order by created_at, id`),
        byCase(sql<HeldRow>`select * from complaint_points where case_id = any(${caseIds}::uuid[]) order by case_id, position`),
        byCase(sql<HeldRow>`select * from remedies where case_id = any(${caseIds}::uuid[]) order by case_id, position, created_at, id`),
        byCase(sql<HeldRow>`select * from learning_actions where case_id = any(${caseIds}::uuid[]) order by case_id, created_at, id`),
        byCase(sql<HeldRow>`select * from advocacy_referrals where case_id = any(${caseIds}::uuid[]) order by referred_on, id`),
        sql<HeldRow>`
          select id, case_id, channel, recipient, template, language, status, subject, body, created_at, sent_at
          from outbox_messages
          where (channel = 'email' and lower(trim(recipient)) = any(${[...addresses]}::text[]))
             or (channel = 'sms' and right(regexp_replace(recipient, '[^0-9]', '', 'g'), 10) = any(${[...phones]}::text[]))
          order by created_at, id`
          .execute(tx)
          .then((r) => r.rows),
        email
          ? sql<HeldRow>`
              select id, journey, answers, language, case_id, created_at, updated_at, expires_at
              from drafts
              where case_id is null and position(${email} in lower(answers::text)) > 0
              order by created_at, id`
              .execute(tx)
              .then((r) => r.rows)
          : Promise.resolve([] as HeldRow[]),
      ]);
      const draftIds = drafts.map((d) => d.id as string);
      const documents =
        caseIds.length || draftIds.length
          ? (
              await sql<{
                id: string;
                case_id: string | null;
                draft_id: string | null;
                file_name: string;
                content_type: string;
                content: Uint8Array;
              }>`
                select a.id, a.case_id, a.draft_id, a.file_name, a.content_type, c.content
                from attachments a join attachment_contents c on c.attachment_id = a.id
                where a.case_id = any(${caseIds}::uuid[]) or (a.case_id is null and a.draft_id = any(${draftIds}::uuid[]))
                order by a.created_at, a.id`.execute(tx)
            ).rows
          : [];

      const of = (rows: HeldRow[], caseId: string) => rows.filter((row) => row.case_id === caseId);
      const subjectCases: SubjectCase[] = cases.map((row) => {
        const id = row.id as string;
        return {
          id,
          reference: row.reference as string,
          language: row.language === 'cy' ? 'cy' : 'en',
          case: row,
          people: of(people, id),
          events: of(events, id),
          messages: of(messages, id),
          letters: of(letters, id),
          points: of(points, id),
          remedies: of(remedies, id),
          learningActions: of(learningActions, id),
          advocacyReferrals: of(referrals, id),
        };
      });
      const ownLanguage = [...people, ...accounts].map((row) => row.language).find((value) => value === 'en' || value === 'cy');
      return {
        cases: subjectCases,
        otherMessages: messages.filter((m) => !caseIds.includes(m.case_id as string)),
        drafts,
        accounts,
        documents: documents.map((d) => ({
          id: d.id,
          caseId: d.case_id,
          draftId: d.draft_id,
          fileName: d.file_name,
          contentType: d.content_type,
          content: d.content,
        })),
        language: (ownLanguage as 'en' | 'cy' | undefined) ?? subjectCases[0]?.language ?? 'en',
      };
    },
  };
}
