import { toUkDate } from '@heard/domain';
import type { PublicContext } from './context';

/** Today as a UK calendar date. */
export function todayOf(ctx: Pick<PublicContext, 'now'>): string {
  return toUkDate(ctx.now());
}

/**
 * A case's rules and its deadline columns are the back-office's (the same
 * policy in force on the date first received, the council's own calendar
 * and closure days), so that a case reads the same on both sides. Deadlines
 * themselves are computed only by @heard/domain.
 */
export { deadlineColumns, rulesFor } from '../../staff/casework/context';
