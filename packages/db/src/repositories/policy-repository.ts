import type { Tx } from '../client';

export type CouncilPolicyInputs = {
  /** The council's home calendar ('england-and-wales', 'scotland', 'northern-ireland'). */
  calendar: string;
  /** Its own policy versions, oldest first: overrides merged over the shipped defaults by @heard/domain. */
  versions: Array<{ effectiveFrom: string; override: Record<string, unknown> }>;
  closureDays: Array<{ date: string; name: string }>;
};

/** What the domain needs to compute a council's deadlines (`rulesForCase`). */
export function policyRepository(tx: Tx) {
  return {
    async getInputs(councilId: string): Promise<CouncilPolicyInputs> {
      const [council, versions, closureDays] = await Promise.all([
        tx.selectFrom('councils').select('calendar').where('id', '=', councilId).executeTakeFirstOrThrow(),
        tx.selectFrom('timescale_policy_versions').select(['effective_from', 'override']).orderBy('effective_from').execute(),
        tx.selectFrom('closure_days').select(['date', 'name']).orderBy('date').execute(),
      ]);
      return {
        calendar: council.calendar,
        versions: versions.map((v) => ({ effectiveFrom: v.effective_from, override: v.override })),
        closureDays,
      };
    },
  };
}
