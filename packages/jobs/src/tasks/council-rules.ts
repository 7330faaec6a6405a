import { councilRepository, policyRepository, type Tx } from '@heard/db';
import { createCaseRules, isCalendarId, resolvePolicy, type CaseRules, type HomeCalendarId, type PolicyVersion } from '@heard/domain';

/**
 * A council's rules on a day: its policy in force then and its working-day
 * calendar (its division's bank holidays plus its closure days). Every date
 * the jobs reason about goes through these, never through inline arithmetic.
 */
export async function loadCouncilRules(tx: Tx, councilId: string, today: string): Promise<{ rules: CaseRules; councilName: string; retentionYears: number; hostnames: string[] }> {
  const [council, inputs] = await Promise.all([councilRepository(tx).getById(councilId), policyRepository(tx).getInputs(councilId)]);
  const policy = resolvePolicy(today, inputs.versions as unknown as PolicyVersion[]);
  const calendar = isCalendarId(inputs.calendar) && inputs.calendar !== 'foi' ? (inputs.calendar as HomeCalendarId) : policy.calendar;
  const rules = createCaseRules({ ...policy, calendar, retentionYears: council.retentionYears }, inputs.closureDays);
  return { rules, councilName: council.name, retentionYears: council.retentionYears, hostnames: council.hostnames };
}
