import { councilRepository, policyRepository, type Tx } from '@heard/db';
import { createCaseRules, isCalendarId, resolvePolicy, type CaseRules, type HomeCalendarId, type PolicyVersion } from '@heard/domain';

/**
 * A council's rules on a day: its policy in force then and its working-day
 * calendar (its division's bank holidays plus its closure days). Every date
 * the jobs reason about goes through these, never through inline arithmetic.
 */
export async function loadCouncilRules(
  tx: Tx,
  councilId: string,
  today: string,
): Promise<{ rules: CaseRules; rulesFor: (policyDate: string) => CaseRules; councilName: string; retentionYears: number; hostnames: string[] }> {
  const [council, inputs] = await Promise.all([councilRepository(tx).getById(councilId), policyRepository(tx).getInputs(councilId)]);
  const versions = inputs.versions as unknown as PolicyVersion[];
  const policy = resolvePolicy(today, versions);
  const calendar = isCalendarId(inputs.calendar) && inputs.calendar !== 'foi' ? (inputs.calendar as HomeCalendarId) : policy.calendar;
  const rules = createCaseRules({ ...policy, calendar, retentionYears: council.retentionYears }, inputs.closureDays);
  // A case keeps the policy in force when it was first received (resolvePolicy), on today's calendar.
  const byDate = new Map<string, CaseRules>();
  const rulesFor = (policyDate: string): CaseRules => {
    let found = byDate.get(policyDate);
    if (!found) {
      found = createCaseRules({ ...resolvePolicy(policyDate, versions), calendar, retentionYears: council.retentionYears }, inputs.closureDays);
      byDate.set(policyDate, found);
    }
    return found;
  };
  return { rules, rulesFor, councilName: council.name, retentionYears: council.retentionYears, hostnames: council.hostnames };
}
