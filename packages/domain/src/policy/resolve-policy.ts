import type { IsoDate } from '../calendar/iso-date';
import { createCalendar, getCalendar } from '../calendar/working-day-calendar';
import type { ClosureDay, WorkingDayCalendar } from '../calendar/working-day-calendar';
import { toFieldErrors } from '../schemas/field-errors';
import type { FieldError } from '../schemas/field-errors';
import { BASE_POLICY, SHIPPED_POLICY_VERSIONS } from './default-policies';
import { ZPolicyVersion, ZTimescalePolicy } from './policy-schema';
import { TIMESCALE_KEYS } from './timescale-policy';
import type {
  Clock,
  ClockOverride,
  PolicyVersion,
  StageTimescale,
  StageTimescaleOverride,
  StatementReminderRule,
  TimescaleKey,
  TimescalePolicy,
  TimescalePolicyOverride,
} from './timescale-policy';

const COUNCIL_POLICY = 'Council policy';

function mergeClock(base: Clock | null, override: ClockOverride | null | undefined, policyName: string): Clock | null {
  if (override === undefined) return base;
  if (override === null) return null;
  if (base === null && override.limit === undefined) return null;
  const limit = override.limit ?? (base as Clock).limit;
  const changesRule =
    override.limit !== undefined ||
    override.unit !== undefined ||
    override.from !== undefined ||
    override.calendar !== undefined ||
    override.extension !== undefined;
  const baseExtension = base?.extension ?? { allowed: false, limit };
  const allowed = override.extension?.allowed ?? baseExtension.allowed;
  // Without an extension the limit and the extended limit are the same number.
  const extensionLimit = override.extension?.limit ?? (allowed ? Math.max(baseExtension.limit, limit) : limit);
  return {
    limit,
    unit: override.unit ?? base?.unit ?? 'working',
    calendar: override.calendar ?? base?.calendar ?? 'council',
    from: override.from ?? base?.from ?? 'received',
    extension: { allowed, limit: extensionLimit },
    // A changed rule is the council's rule: never cite the law for a number the council chose.
    source: override.source ?? (changesRule || base === null ? { kind: 'council', citation: policyName } : (base as Clock).source),
  };
}

function mergeStatementReminder(
  base: StatementReminderRule | null,
  override: TimescalePolicyOverride['statementReminder'],
  policyName: string,
): StatementReminderRule | null {
  if (override === undefined) return base;
  if (override === null) return null;
  const limit = override.limit ?? base?.limit;
  // Like a new clock: turned back on without its number of days, there is nothing to count.
  if (limit === undefined) return null;
  const changesRule = override.limit !== undefined || override.repeat !== undefined;
  return {
    limit,
    repeat: override.repeat ?? base?.repeat ?? true,
    source: override.source ?? (changesRule || base === null ? { kind: 'council', citation: policyName } : base.source),
  };
}

function mergeStage(
  base: StageTimescale | null,
  override: StageTimescaleOverride | null | undefined,
  policyName: string,
): StageTimescale | null {
  if (override === undefined) return base;
  if (override === null) return null;
  const start: StageTimescale = base ?? {
    acknowledgement: null,
    response: null,
    panel: null,
    panelFindings: null,
    independentResponder: false,
  };
  return {
    acknowledgement: mergeClock(start.acknowledgement, override.acknowledgement, policyName),
    response: mergeClock(start.response, override.response, policyName),
    panel: mergeClock(start.panel, override.panel, policyName),
    panelFindings: mergeClock(start.panelFindings, override.panelFindings, policyName),
    independentResponder: override.independentResponder ?? start.independentResponder,
  };
}

/**
 * A policy with an override merged over it: any field the override gives
 * replaces the base's; `null` removes a stage or a deadline. A changed time
 * limit without its own `source` is cited as the council's policy.
 *
 * @example mergePolicy(BASE_POLICY, { timescales: { 'corporate_complaint.1': { response: { limit: 28, unit: 'calendar' } } } })
 */
export function mergePolicy(
  base: TimescalePolicy,
  override: TimescalePolicyOverride,
  effectiveFrom: IsoDate = base.effectiveFrom,
): TimescalePolicy {
  const name = override.name ?? COUNCIL_POLICY;
  const timescales = { ...base.timescales };
  if (override.timescales) {
    for (const key of TIMESCALE_KEYS) {
      timescales[key] = mergeStage(base.timescales[key], override.timescales[key], name);
    }
  }
  return {
    name: override.name ?? base.name,
    effectiveFrom,
    calendar: override.calendar ?? base.calendar,
    amberWithinWorkingDays: override.amberWithinWorkingDays ?? base.amberWithinWorkingDays,
    escalationWindow: { ...base.escalationWindow, ...override.escalationWindow },
    foiInternalReviewWindow: { ...base.foiInternalReviewWindow, ...override.foiInternalReviewWindow },
    foi: { ...base.foi, ...override.foi },
    statutoryTimeLimitMonths: override.statutoryTimeLimitMonths ?? base.statutoryTimeLimitMonths,
    ombudsmanTimeLimitMonths: override.ombudsmanTimeLimitMonths ?? base.ombudsmanTimeLimitMonths,
    retentionYears: override.retentionYears ?? base.retentionYears,
    statementReminder: mergeStatementReminder(base.statementReminder, override.statementReminder, name),
    timescales,
  };
}

function withoutKeys(override: TimescalePolicyOverride, keys: readonly TimescaleKey[]): TimescalePolicyOverride {
  if (!override.timescales || keys.length === 0) return override;
  const timescales = { ...override.timescales };
  for (const key of keys) delete timescales[key];
  return { ...override, timescales };
}

/**
 * The policy in force for a case received on `receivedOn`: Heard's base
 * policy, then each shipped version in force by then (the Complaint Handling
 * Code from 2026-04-01), then the council's latest version in force by then.
 * A case keeps this policy for life: it depends only on the date received,
 * never on today, so a later change is never applied retroactively.
 *
 * Each council version states all of the council's differences from the
 * shipped defaults (versions are not cumulative). A shipped version can
 * supersede older council overrides of some keys: a council's pre-April-2026
 * corporate procedure does not outlive the Code unless the council records a
 * version dated on or after 2026-04-01.
 *
 * @example resolvePolicy('2026-04-01').timescales['corporate_complaint.1']?.response?.from // 'acknowledged'
 * @example resolvePolicy('2026-03-31').timescales['corporate_complaint.1']?.response?.from // 'received'
 */
export function resolvePolicy(
  receivedOn: IsoDate,
  councilVersions: readonly PolicyVersion[] = [],
  shippedVersions: readonly PolicyVersion[] = SHIPPED_POLICY_VERSIONS,
): TimescalePolicy {
  const shipped = shippedVersions.filter((v) => v.effectiveFrom <= receivedOn).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  let policy = BASE_POLICY;
  for (const version of shipped) policy = mergePolicy(policy, version.override, version.effectiveFrom);
  let council: PolicyVersion | undefined;
  for (const version of councilVersions) {
    if (version.effectiveFrom <= receivedOn && (!council || version.effectiveFrom > council.effectiveFrom)) council = version;
  }
  if (!council) return policy;
  let override = council.override;
  for (const version of shipped) {
    if (council.effectiveFrom < version.effectiveFrom) override = withoutKeys(override, version.supersedesCouncilOverridesOf ?? []);
  }
  const effectiveFrom = council.effectiveFrom > policy.effectiveFrom ? council.effectiveFrom : policy.effectiveFrom;
  return mergePolicy(policy, override, effectiveFrom);
}

/** A validation problem in a council's policy versions, for the admin page. */
export type PolicyProblem = FieldError & { version: number };

const CLOCK_NAMES = ['acknowledgement', 'response', 'panel', 'panelFindings'] as const;

/**
 * Checks a council's policy versions: each is well formed, no two start on
 * the same day, a new time limit has its number of days, and the policy each
 * produces (on its own date and under every later shipped version) is
 * complete and valid (e.g. an extended limit never shorter than the normal).
 *
 * @example validateCouncilPolicyVersions([{ effectiveFrom: '2019-04-01', override: { amberWithinWorkingDays: 5 } }]) // []
 */
export function validateCouncilPolicyVersions(versions: readonly unknown[]): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const seen = new Set<string>();
  versions.forEach((raw, index) => {
    const parsed = ZPolicyVersion.safeParse(raw);
    if (!parsed.success) {
      for (const error of toFieldErrors(parsed.error)) problems.push({ version: index, ...error });
      return;
    }
    const version: PolicyVersion = parsed.data;
    if (seen.has(version.effectiveFrom)) {
      problems.push({ version: index, path: 'effectiveFrom', key: 'errors.policy.duplicateDate', params: { date: version.effectiveFrom } });
    }
    seen.add(version.effectiveFrom);
    const own = resolvePolicy(version.effectiveFrom, [version]);
    for (const key of TIMESCALE_KEYS) {
      const stage = version.override.timescales?.[key];
      for (const clockName of CLOCK_NAMES) {
        // mergeClock drops a new clock without a limit: report it rather than lose it silently.
        if (stage?.[clockName] && own.timescales[key]?.[clockName] === null) {
          problems.push({
            version: index,
            path: `override.timescales.${key}.${clockName}.limit`,
            key: 'errors.policy.newClockNeedsDays',
            params: {},
          });
        }
      }
    }
    const later = SHIPPED_POLICY_VERSIONS.map((v) => v.effectiveFrom).filter((date) => date > version.effectiveFrom);
    for (const date of [version.effectiveFrom, ...later]) {
      const merged = ZTimescalePolicy.safeParse(resolvePolicy(date, [version]));
      if (!merged.success) {
        for (const error of toFieldErrors(merged.error)) problems.push({ version: index, ...error, path: `override.${error.path}` });
        break;
      }
    }
  });
  return problems;
}

/**
 * A case's rules: its policy and the two calendars its clocks count on (the
 * council's own, with its closure days, and FOI's all-UK one). Build once
 * per council and policy; the calendars are cached.
 */
export type CaseRules = {
  policy: TimescalePolicy;
  calendars: { council: WorkingDayCalendar; foi: WorkingDayCalendar };
};

const councilCalendars = new Map<string, WorkingDayCalendar>();
const MAX_CACHED_CALENDARS = 256;

/**
 * The calendars and policy a case's deadlines use.
 *
 * @example createCaseRules(resolvePolicy('2024-03-28')).calendars.foi.id // 'foi'
 */
export function createCaseRules(policy: TimescalePolicy, closureDays: readonly ClosureDay[] = []): CaseRules {
  let council: WorkingDayCalendar;
  if (closureDays.length === 0) {
    council = getCalendar(policy.calendar);
  } else {
    const cacheKey = `${policy.calendar}|${closureDays
      .map((c) => `${c.date}:${c.name}`)
      .sort()
      .join(',')}`;
    const cached = councilCalendars.get(cacheKey);
    if (cached) {
      council = cached;
    } else {
      council = createCalendar(policy.calendar, closureDays);
      if (councilCalendars.size >= MAX_CACHED_CALENDARS) councilCalendars.clear();
      councilCalendars.set(cacheKey, council);
    }
  }
  return { policy, calendars: { council, foi: getCalendar('foi') } };
}

/**
 * Shorthand: the rules for a case received on `receivedOn` at a council with
 * these policy versions and closure days.
 *
 * @example rulesForCase({ receivedOn: '2024-03-28' }).policy.name // 'Heard defaults'
 */
export function rulesForCase(input: {
  receivedOn: IsoDate;
  councilVersions?: readonly PolicyVersion[];
  closureDays?: readonly ClosureDay[];
}): CaseRules {
  return createCaseRules(resolvePolicy(input.receivedOn, input.councilVersions ?? []), input.closureDays ?? []);
}
