import { advocateRepository, trackingRepository } from '@heard/db';
import { computeDeadline, type CaseRules } from '@heard/domain';
import { AppError } from '../../../errors';
import { publicProcedure } from '../../../trpc';
import { summariseDeadline } from '../lib/intake';
import { rulesFor } from '../lib/rules';

/** The signed-in advocate and the cases they act on, each with its status and due date (from @heard/domain). */
export const listAdvocateCases = publicProcedure.query(async ({ ctx }) => {
  const session = ctx.session;
  if (session?.kind !== 'advocate') throw new AppError('NOT_SIGNED_IN', 'portal.advocate.errors.signInFirst');
  const advocate = await advocateRepository(ctx.tx).getById(session.userId);
  const cases = await trackingRepository(ctx.tx).listCasesForAdvocate(session.userId);
  const rulesByDate = new Map<string, CaseRules>();
  const rows = [];
  for (const item of cases) {
    let rules = rulesByDate.get(item.receivedOn);
    if (!rules) {
      rules = await rulesFor(ctx, item.receivedOn);
      rulesByDate.set(item.receivedOn, rules);
    }
    const deadline = computeDeadline({ type: item.type, stage: item.stage, receivedOn: item.receivedOn, acknowledgedOn: item.acknowledgedOn }, 'response', rules, { explain: false });
    rows.push({ reference: item.reference, caseType: item.type, stage: item.stage, status: item.status, receivedOn: item.receivedOn, respondedOn: item.respondedOn, youngPerson: item.youngPerson, response: summariseDeadline(deadline) });
  }
  return { advocate: { displayName: advocate.displayName, organisation: advocate.organisation, email: advocate.email }, cases: rows };
});
