import { subjectAccessRepository, type SubjectAccessData, type Tx } from '@heard/db';
import { toUkDate, type TSubjectAccessQuery } from '@heard/domain';
import { AppError } from '../../../errors';

/** What was searched by, for the audit log: the kinds of detail, never their values. */
export function criteriaOf(query: TSubjectAccessQuery): string {
  return [query.email ? 'email' : null, query.phone ? 'phone' : null, query.name ? 'name and date of birth' : null]
    .filter(Boolean)
    .join(', ');
}

/**
 * Everything held about the person in this council (row-level security
 * applies). A date of birth after today is refused with a message on that
 * field, before anything is read.
 */
export async function collectSubject(ctx: { tx: Tx; now: () => Date }, query: TSubjectAccessQuery): Promise<SubjectAccessData> {
  if (query.dateOfBirth && query.dateOfBirth > toUkDate(ctx.now())) {
    throw new AppError('BAD_INPUT', 'errors.input', { fieldErrors: { dateOfBirth: 'errors.date.inFuture' } });
  }
  return subjectAccessRepository(ctx.tx).collect(query);
}
