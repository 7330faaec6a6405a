import { addMonths } from '../calendar/iso-date';
import type { IsoDate } from '../calendar/iso-date';
import type { CaseRules } from '../policy/resolve-policy';
import type { RuleSource, TimescalePolicy } from '../policy/timescale-policy';
import { computeDueDate } from './count-days';

/** The last day to ask for something after a response, and the rule behind it. */
export type RequestWindow = { opensOn: IsoDate; closesOn: IsoDate; limit: number; unit: 'working' | 'calendar'; source: RuleSource };

/**
 * The window to ask for the next complaint stage (rules.md: "within 20
 * working days of the previous stage's response", council calendar) or for
 * an FOI internal review (40 working days, FOI calendar). The response day is
 * day 0; a request on `closesOn` is in time.
 *
 * @example computeRequestWindow('2024-01-12', 'next_stage', rules).closesOn // '2024-02-09'
 */
export function computeRequestWindow(respondedOn: IsoDate, kind: 'next_stage' | 'foi_internal_review', rules: CaseRules): RequestWindow {
  const rule = kind === 'next_stage' ? rules.policy.escalationWindow : rules.policy.foiInternalReviewWindow;
  const calendar = kind === 'next_stage' ? rules.calendars.council : rules.calendars.foi;
  return {
    opensOn: respondedOn,
    closesOn: computeDueDate({ from: respondedOn, days: rule.limit, unit: rule.unit, calendar }),
    limit: rule.limit,
    unit: rule.unit,
    source: rule.source,
  };
}

/**
 * The date by which a statutory complaint should be made: a year after the
 * matter (Children Act 1989 Representations Procedure (England) Regulations
 * 2006, reg. 9; the council may use discretion, so late is a flag, not a refusal).
 *
 * @example computeStatutoryTimeLimit('2023-04-12', policy) // '2024-04-12'
 */
export function computeStatutoryTimeLimit(matterOn: IsoDate, policy: TimescalePolicy): IsoDate {
  return addMonths(matterOn, policy.statutoryTimeLimitMonths);
}

/**
 * The date by which a complaint to the Ombudsman is normally made: 12 months
 * after the person knew of the matter (LGSCO).
 *
 * @example computeOmbudsmanTimeLimit('2024-01-31', policy) // '2025-01-31'
 */
export function computeOmbudsmanTimeLimit(awareOn: IsoDate, policy: TimescalePolicy): IsoDate {
  return addMonths(awareOn, policy.ombudsmanTimeLimitMonths);
}

/**
 * The date a closed case is anonymised: the retention period (6 years by
 * default, rules.md "Privacy") after closure.
 *
 * @example computeRetentionDate('2024-03-31', policy) // '2030-03-31'
 */
export function computeRetentionDate(closedOn: IsoDate, policy: TimescalePolicy): IsoDate {
  return addMonths(closedOn, policy.retentionYears * 12);
}

/**
 * The date an unpaid FOI fees notice lapses and the request with it
 * (FOIA s.9(2): three months from the notice).
 *
 * @example computeFeeNoticeLapseDate('2024-01-31', policy) // '2024-04-30'
 */
export function computeFeeNoticeLapseDate(issuedOn: IsoDate, policy: TimescalePolicy): IsoDate {
  return addMonths(issuedOn, policy.foi.feeNoticeLapsesAfterMonths);
}
