import { ZSubjectAccessQuery } from '@heard/domain';
import { recordAudit, staffProcedureWith } from '../../../trpc';
import { collectSubject, criteriaOf } from './collect';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const day = (value: unknown): string | null => (value instanceof Date ? value.toISOString().slice(0, 10) : text(value));

/**
 * Subject access, step one: what is held about a person (their details on
 * each case, the cases, and how much of each kind of record), for staff to
 * check before they export it. The search and each case found are audited.
 */
export const searchSubject = staffProcedureWith('export:subject-access:any')
  .input(ZSubjectAccessQuery)
  .query(async ({ ctx, input }) => {
    const data = await collectSubject(ctx, input);
    await recordAudit(ctx, { action: 'read', detail: `staff.subjectAccess.search (${criteriaOf(input)})` });
    for (const found of data.cases) await recordAudit(ctx, { action: 'read', caseId: found.id, detail: 'staff.subjectAccess.search' });
    return {
      language: data.language,
      people: data.cases.flatMap((found) =>
        found.people.map((person) => ({
          caseReference: found.reference,
          role: text(person.role) ?? '',
          name: text(person.name),
          email: text(person.email),
          phone: text(person.phone),
          dateOfBirth: day(person.date_of_birth),
        })),
      ),
      cases: data.cases.map((found) => ({
        id: found.id,
        reference: found.reference,
        type: text(found.case.type) ?? '',
        status: text(found.case.status) ?? '',
        receivedOn: day(found.case.received_on) ?? '',
        events: found.events.length,
        messages: found.messages.length,
        letters: found.letters.length,
        documents: data.documents.filter((d) => d.caseId === found.id).length,
      })),
      otherMessages: data.otherMessages.length,
      drafts: data.drafts.length,
      accounts: data.accounts.length,
      documents: data.documents.length,
    };
  });
