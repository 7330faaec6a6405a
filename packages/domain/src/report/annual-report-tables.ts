import type { IsoDate } from '../calendar/iso-date';
import { codeToLabel } from '../vocabulary';
import type { CaseType, Stage } from '../vocabulary';
import {
  CASE_COLUMNS,
  FINANCIAL_YEAR_MONTHS,
  caseTypeLabel,
  financialYearLabel,
  financialYearRange,
  formatShareCell,
  formatTimelinessCell,
  monthsOfFinancialYear,
  quarterRange,
} from './report-definitions';
import type { Quarter, Rounding } from './report-definitions';

/**
 * The tables of the statutory annual (and quarterly) report, as
 * contracts.md lays them out ("Tables of the annual report"), built from
 * counts the database has already aggregated. Pure: every figure here is a
 * sum of grouped counts, formatted by the shared definitions; and every
 * number has the query of the cases it counts, for the back-office's
 * drill-down.
 */

/** Which report: the financial year from 1 April `year`, or one of its quarters. */
export type ReportPeriodRequest = { kind: 'annual'; year: number } | { kind: 'quarterly'; year: number; quarter: Quarter };

export type ReportTable = { id: string; title: string; columns: string[]; rows: string[][] };

/** contracts.md "Report: JSON". */
export type StatutoryReport = {
  report: 'annual' | 'quarterly';
  period: { from: IsoDate; to: IsoDate; label: string };
  asOf: IsoDate;
  tables: ReportTable[];
};

type Complaint = 'children_act_complaint' | 'corporate_complaint';
const COMPLAINTS: readonly Complaint[] = ['children_act_complaint', 'corporate_complaint'];

/** Cases grouped by what they were when received (the database's GROUP BY). */
export type ReceivedGroup = {
  type: CaseType;
  stage: Stage | null;
  framework: string;
  /** First day of the month received. */
  month: IsoDate;
  divisionId: string | null;
  decision: string | null;
  count: number;
  /** Counted in a timeliness table as of `asOf`: answered on time, or late. */
  onTime: number;
  late: number;
  acknowledgedOnTime: number;
  acknowledgedLate: number;
};

/** Cases answered (responded to, else closed) in the period, by outcome. */
export type AnsweredGroup = { type: CaseType; stage: Stage | null; outcome: string | null; count: number };

/** Stage 1 complaints answered in the period with a finding, by theme (`null`: all themes, each case once). */
export type ThemeOutcomeGroup = { themeId: string | null; outcome: string; count: number };

/** Stage 1 complaints received in the period, by service and theme (`null`: the service's complaints with no theme). */
export type ServiceThemeGroup = { serviceId: string; themeId: string | null; count: number };

export type OmbudsmanReceivedGroup = { type: Complaint; serviceId: string | null; decision: string | null; count: number };

/** One completed Stage 3 or Ombudsman case, as its table lists it. */
export type CompletedCase = {
  id: string;
  reference: string;
  type: Complaint;
  serviceId: string | null;
  details: string | null;
  outcome: string | null;
  decision: string | null;
  remedy: string | null;
};

/** Everything the report needs from the database, already aggregated. */
export type ReportAggregates = {
  received: ReceivedGroup[];
  answered: AnsweredGroup[];
  themeOutcomes: ThemeOutcomeGroup[];
  serviceThemes: ServiceThemeGroup[];
  ombudsmanReceived: OmbudsmanReceivedGroup[];
  stage3Completed: CompletedCase[];
  ombudsmanCompleted: CompletedCase[];
  advocacy: number;
  names: { divisions: Record<string, string>; services: Record<string, string>; themes: Record<string, string> };
};

/**
 * The cases one number counts, for the drill-down: all of them match every
 * field given. `by` says which date falls in [from, to]; `measure` keeps
 * only the cases a timeliness cell counts (answered, or due before `asOf`).
 */
export type CellQuery = {
  kinds: { type: CaseType; stage: Stage | null }[];
  by: 'received' | 'answered';
  from: IsoDate;
  to: IsoDate;
  framework?: 'statutory' | 'corporate';
  divisionId?: string;
  serviceId?: string;
  /** A theme, or `any`: at least one theme. */
  themeId?: string;
  outcomes?: string[];
  decisions?: string[];
  measure?: 'response' | 'acknowledgement';
  /** New complaints made with an advocate's support. */
  advocate?: true;
};

export type BuiltReport = {
  report: StatutoryReport;
  /** For each table, the query of each cell that holds a count (`null` elsewhere). */
  drillDown: Record<string, (CellQuery | null)[][]>;
};

export type ReportWindow = { label: string; from: IsoDate; to: IsoDate };

/** The period of a report request, with its label (`2023-2024`, or `Q1 2023-2024`). */
export function reportPeriod(request: ReportPeriodRequest): ReportWindow {
  if (request.kind === 'annual') return financialYearRange(request.year);
  const range = quarterRange(request.year, request.quarter);
  return { from: range.from, to: range.to, label: `Q${request.quarter} ${financialYearLabel(request.year)}` };
}

/** The period and the same period of the two years before it, newest first. */
export function comparisonPeriods(request: ReportPeriodRequest): ReportWindow[] {
  return [0, 1, 2].map((back) => reportPeriod({ ...request, year: request.year - back }));
}

/** The quarters within the period, labelled `Q1`..`Q4`. */
export function quartersOf(request: ReportPeriodRequest): ReportWindow[] {
  const quarters: Quarter[] = request.kind === 'annual' ? [1, 2, 3, 4] : [request.quarter];
  return quarters.map((q) => quarterRange(request.year, q));
}

/** The months within the period, labelled as a table names them (`April`, or `April 2023`). */
export function monthsOf(request: ReportPeriodRequest, withYear: boolean): ReportWindow[] {
  const period = reportPeriod(request);
  return monthsOfFinancialYear(request.year)
    .map((month, index) => ({ ...month, label: withYear ? month.label : FINANCIAL_YEAR_MONTHS[index]! }))
    .filter((month) => month.from >= period.from && month.to <= period.to);
}

/** The earliest date any table of the report counts from: the period two years back. */
export function reportWindowStart(request: ReportPeriodRequest): IsoDate {
  return comparisonPeriods(request)[2]!.from;
}

const TITLES: Record<string, string> = {
  'cases-by-year': 'Cases received over the past three years',
  'cases-by-quarter': 'Cases received, by quarter',
  'cases-by-month': 'Cases received, by month',
  'on-time-by-quarter': 'Stage 1 complaints and enquiries responded to on time, by quarter',
  'on-time-by-division': 'Stage 1 complaints and enquiries responded to on time, by division',
  'acknowledged-on-time': 'Stage 1 complaints acknowledged on time',
  'stage1-outcomes': 'Outcomes of Stage 1 complaints',
  'stage1-other-closures': 'Stage 1 complaints closed without a finding',
  'stage1-theme-outcome': 'Stage 1 complaints by theme and outcome',
  'service-theme': 'Stage 1 complaints received, by service and theme',
  'stage2-requests': 'Stage 2 requests received',
  'stage2-outcomes': 'Outcomes of Stage 2 complaints',
  'stage3-requests': 'Stage 3 requests received',
  'stage3-completed': 'Stage 3 complaints completed',
  'ombudsman-received': 'Ombudsman complaints received, with the initial decision',
  'ombudsman-completed': 'Ombudsman complaints completed',
  compliments: 'Compliments received over the past three years',
  advocacy: 'Independent advocacy',
  'foi-requests-by-month': 'FOI requests received, by month',
  'foi-requests-by-year': 'FOI requests received in previous years',
  'foi-on-time': 'FOI requests answered on time',
  'foi-on-time-by-year': 'FOI performance in previous years',
};

/** Every table id of the report, in the contract's order. */
export const REPORT_TABLE_IDS = Object.keys(TITLES);

/**
 * The sections of the printed report (the seed report's structure), each
 * with its tables.
 */
export const REPORT_SECTIONS: readonly { id: string; title: string; tables: readonly string[] }[] = [
  { id: 'summary', title: 'Summary', tables: ['cases-by-year', 'cases-by-quarter', 'cases-by-month', 'compliments'] },
  {
    id: 'stage1',
    title: 'Stage 1 complaints and enquiries',
    tables: ['on-time-by-quarter', 'on-time-by-division', 'acknowledged-on-time', 'stage1-outcomes', 'stage1-other-closures', 'stage1-theme-outcome', 'service-theme'],
  },
  { id: 'stage2', title: 'Stage 2 complaints', tables: ['stage2-requests', 'stage2-outcomes'] },
  { id: 'stage3', title: 'Stage 3 complaints', tables: ['stage3-requests', 'stage3-completed'] },
  { id: 'ombudsman', title: 'Local Government and Social Care Ombudsman', tables: ['ombudsman-received', 'ombudsman-completed'] },
  { id: 'advocacy', title: 'Independent advocacy', tables: ['advocacy'] },
  { id: 'foi', title: 'Freedom of Information requests', tables: ['foi-requests-by-month', 'foi-requests-by-year', 'foi-on-time', 'foi-on-time-by-year'] },
];

const FINDING_ROWS = [
  { label: 'Not upheld', outcome: 'not_upheld' },
  { label: 'Partly upheld', outcome: 'partly_upheld' },
  { label: 'Upheld', outcome: 'upheld' },
] as const;

const byName = (names: Record<string, string>) => (a: string, b: string) => (names[a] ?? '').localeCompare(names[b] ?? '', 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds every table of the report from its aggregates.
 *
 * @example buildReport({ kind: 'annual', year: 2023 }, '2024-05-31', aggregates).report.tables[1].id // 'cases-by-quarter'
 */
export function buildReport(request: ReportPeriodRequest, asOf: IsoDate, data: ReportAggregates): BuiltReport {
  const period = reportPeriod(request);
  const years = comparisonPeriods(request);
  const quarters = quartersOf(request);
  const tables: ReportTable[] = [];
  const drillDown: Record<string, (CellQuery | null)[][]> = {};

  const add = (id: string, columns: string[], rows: { cells: string[]; queries: (CellQuery | null)[] }[]) => {
    tables.push({ id, title: TITLES[id]!, columns, rows: rows.map((r) => r.cells) });
    drillDown[id] = rows.map((r) => r.queries);
  };

  const inWindow = (group: ReceivedGroup, window: ReportWindow) => group.month >= window.from.slice(0, 8) + '01' && group.month <= window.to;
  const sumReceived = (window: ReportWindow, match: (g: ReceivedGroup) => boolean, field: 'count' | 'onTime' | 'late' | 'acknowledgedOnTime' | 'acknowledgedLate' = 'count') => {
    let total = 0;
    for (const group of data.received) if (inWindow(group, window) && match(group)) total += group[field];
    return total;
  };
  const isKind = (type: CaseType, stage: Stage | null) => (g: { type: CaseType; stage: Stage | null }) => g.type === type && g.stage === stage;
  const received = (window: ReportWindow, kinds: CellQuery['kinds'], extra: Partial<CellQuery> = {}): CellQuery => ({ kinds, by: 'received', from: window.from, to: window.to, ...extra });
  const answered = (kinds: CellQuery['kinds'], extra: Partial<CellQuery> = {}): CellQuery => ({ kinds, by: 'answered', from: period.from, to: period.to, ...extra });
  const kindsOf = (columns: readonly { type: CaseType; stage: Stage | null }[]) => columns.map((c) => ({ type: c.type, stage: c.stage }));
  const allColumns = kindsOf(CASE_COLUMNS);

  // Counts of the seven case columns over windows (Tables 1b, 2a, 2b).
  const caseCountRows = (windows: ReportWindow[], withTotal: boolean) => {
    const rows = windows.map((window) => {
      const counts = CASE_COLUMNS.map((c) => sumReceived(window, isKind(c.type, c.stage)));
      return {
        cells: [window.label, ...counts.map(String), String(counts.reduce((a, b) => a + b, 0))],
        queries: [null, ...CASE_COLUMNS.map((c) => received(window, [{ type: c.type, stage: c.stage }])), received(window, allColumns)],
      };
    });
    if (withTotal) {
      const counts = CASE_COLUMNS.map((c) => sumReceived(period, isKind(c.type, c.stage)));
      rows.push({
        cells: ['Total', ...counts.map(String), String(counts.reduce((a, b) => a + b, 0))],
        queries: [null, ...CASE_COLUMNS.map((c) => received(period, [{ type: c.type, stage: c.stage }])), received(period, allColumns)],
      });
    }
    return rows;
  };
  const caseHeader = (first: string) => [first, ...CASE_COLUMNS.map((c) => c.label), 'Total'];
  add('cases-by-year', caseHeader('Period'), caseCountRows(years, false));
  add('cases-by-quarter', caseHeader('Period'), caseCountRows(quarters, true));
  add('cases-by-month', caseHeader('Month'), caseCountRows(monthsOf(request, false), true));

  // Timeliness (Tables 3, 4 and the acknowledgement table).
  const timeliness = (window: ReportWindow, match: (g: ReceivedGroup) => boolean, rounding: Rounding, measure: 'response' | 'acknowledgement') => {
    const k = sumReceived(window, match, measure === 'response' ? 'onTime' : 'acknowledgedOnTime');
    const late = sumReceived(window, match, measure === 'response' ? 'late' : 'acknowledgedLate');
    return formatTimelinessCell(k, k + late, rounding);
  };
  add(
    'on-time-by-quarter',
    ['Period', ...CASE_COLUMNS.map((c) => c.label)],
    quarters.map((q) => ({
      cells: [q.label, ...CASE_COLUMNS.map((c) => timeliness(q, isKind(c.type, c.stage), 'floor', 'response'))],
      queries: [null, ...CASE_COLUMNS.map((c) => received(q, [{ type: c.type, stage: c.stage }], { measure: 'response' }))],
    })),
  );
  const divisions = [
    ...new Set(data.received.filter((g) => g.divisionId !== null && inWindow(g, period) && CASE_COLUMNS.some((c) => isKind(c.type, c.stage)(g))).map((g) => g.divisionId as string)),
  ].sort(byName(data.names.divisions));
  add(
    'on-time-by-division',
    ['Division', ...CASE_COLUMNS.map((c) => c.label)],
    divisions.map((divisionId) => ({
      cells: [
        data.names.divisions[divisionId] ?? '',
        ...CASE_COLUMNS.map((c) => timeliness(period, (g) => g.divisionId === divisionId && isKind(c.type, c.stage)(g), 'floor', 'response')),
      ],
      queries: [null, ...CASE_COLUMNS.map((c) => received(period, [{ type: c.type, stage: c.stage }], { divisionId, measure: 'response' }))],
    })),
  );
  const stage1Complaints = CASE_COLUMNS.slice(0, 2);
  add(
    'acknowledged-on-time',
    ['Period', ...stage1Complaints.map((c) => c.label)],
    [...quarters, { ...period, label: 'Total' }].map((window) => ({
      cells: [window.label, ...stage1Complaints.map((c) => timeliness(window, isKind(c.type, c.stage), 'floor', 'acknowledgement'))],
      queries: [null, ...stage1Complaints.map((c) => received(window, [{ type: c.type, stage: c.stage }], { measure: 'acknowledgement' }))],
    })),
  );

  // Stage 1 outcomes (Table 5) and the other closures.
  const sumAnswered = (type: CaseType, stage: Stage | null, outcomes: readonly string[]) =>
    data.answered.filter((g) => g.type === type && g.stage === stage && g.outcome !== null && outcomes.includes(g.outcome)).reduce((a, g) => a + g.count, 0);
  const stage1Kinds = kindsOf(stage1Complaints);
  const outcomeRows = [...FINDING_ROWS, { label: 'Resolved on receipt', outcome: 'resolved_on_receipt' }];
  const outcomeCounts = outcomeRows.map((row) => stage1Complaints.map((c) => sumAnswered(c.type, c.stage, [row.outcome])));
  const outcomeTotal = outcomeCounts.flat().reduce((a, b) => a + b, 0);
  const columnTotals = stage1Complaints.map((_, i) => outcomeCounts.reduce((a, row) => a + row[i]!, 0));
  add('stage1-outcomes', ['Outcome', ...stage1Complaints.map((c) => c.label), 'Total', '%'], [
    ...outcomeRows.map((row, i) => {
      const total = outcomeCounts[i]!.reduce((a, b) => a + b, 0);
      return {
        cells: [row.label, ...outcomeCounts[i]!.map(String), String(total), formatShareCell(total, outcomeTotal)],
        queries: [null, ...stage1Complaints.map((c) => answered([{ type: c.type, stage: c.stage }], { outcomes: [row.outcome] })), answered(stage1Kinds, { outcomes: [row.outcome] }), null],
      };
    }),
    {
      cells: ['Total', ...columnTotals.map(String), String(outcomeTotal), ''],
      queries: [
        null,
        ...stage1Complaints.map((c) => answered([{ type: c.type, stage: c.stage }], { outcomes: outcomeRows.map((r) => r.outcome) })),
        answered(stage1Kinds, { outcomes: outcomeRows.map((r) => r.outcome) }),
        null,
      ],
    },
  ]);
  add(
    'stage1-other-closures',
    ['Closure', ...stage1Complaints.map((c) => c.label), 'Total'],
    (['local_resolution', 'withdrawn', 'out_of_remit'] as const).map((outcome) => {
      const counts = stage1Complaints.map((c) => sumAnswered(c.type, c.stage, [outcome]));
      return {
        cells: [codeToLabel(outcome), ...counts.map(String), String(counts[0]! + counts[1]!)],
        queries: [null, ...stage1Complaints.map((c) => answered([{ type: c.type, stage: c.stage }], { outcomes: [outcome] })), answered(stage1Kinds, { outcomes: [outcome] })],
      };
    }),
  );

  // Themes (seed 002).
  const themeIds = Object.keys(data.names.themes).sort(byName(data.names.themes));
  const themeCount = (themeId: string | null, outcome: string) => data.themeOutcomes.find((g) => g.themeId === themeId && g.outcome === outcome)?.count ?? 0;
  const themeOrder = ['upheld', 'partly_upheld', 'not_upheld'] as const;
  const themeRow = (label: string, themeId: string | null) => {
    const counts = themeOrder.map((o) => themeCount(themeId, o));
    const theme = themeId ?? 'any';
    return {
      cells: [label, ...counts.map(String), String(counts.reduce((a, b) => a + b, 0))],
      queries: [null, ...themeOrder.map((o) => answered(stage1Kinds, { themeId: theme, outcomes: [o] })), answered(stage1Kinds, { themeId: theme, outcomes: [...themeOrder] })],
    };
  };
  add('stage1-theme-outcome', ['Theme', 'Upheld', 'Partly upheld', 'Not upheld', 'Total'], [
    ...themeIds.map((id) => themeRow(data.names.themes[id]!, id)),
    themeRow('Total', null),
  ]);
  const serviceIds = [...new Set(data.serviceThemes.map((g) => g.serviceId))].sort(byName(data.names.services));
  add(
    'service-theme',
    ['Service', ...themeIds.map((id) => data.names.themes[id]!)],
    serviceIds.map((serviceId) => ({
      cells: [data.names.services[serviceId] ?? '', ...themeIds.map((themeId) => String(data.serviceThemes.find((g) => g.serviceId === serviceId && g.themeId === themeId)?.count ?? 0))],
      queries: [null, ...themeIds.map((themeId) => received(period, stage1Kinds, { serviceId, themeId }))],
    })),
  );

  // Stage 2 and 3 requests (Tables 6, 8) and outcomes (Table 7).
  const requestRows = (stage: '2' | '3', decisions: readonly string[]) =>
    years.flatMap((year) => {
      const line = (label: string, types: readonly Complaint[]) => {
        const match = (decision: string | null) => (g: ReceivedGroup) => types.includes(g.type as Complaint) && g.stage === stage && (decision === null || g.decision === decision);
        const kinds = types.map((type) => ({ type, stage }));
        return {
          cells: [label, String(sumReceived(year, match(null))), ...decisions.map((d) => String(sumReceived(year, match(d))))],
          queries: [null, received(year, kinds), ...decisions.map((d) => received(year, kinds, { decisions: [d] }))],
        };
      };
      return [line(year.label, COMPLAINTS), line('Children Act', ['children_act_complaint']), line('Corporate', ['corporate_complaint'])];
    });
  add('stage2-requests', ['Period', 'Requests received', 'Accepted for investigation', 'Withdrawn', 'Rejected', 'Resolved by ADR'], requestRows('2', ['accepted', 'withdrawn', 'rejected', 'resolved_by_adr']));
  const stage2Types: Complaint[] = ['corporate_complaint', 'children_act_complaint'];
  const stage2Kinds = stage2Types.map((type) => ({ type, stage: '2' as Stage }));
  const findingCodes = FINDING_ROWS.map((r) => r.outcome as string);
  add('stage2-outcomes', ['Outcome', 'Corporate', 'Children Act', 'Total'], [
    ...FINDING_ROWS.map((row) => {
      const counts = stage2Types.map((type) => sumAnswered(type, '2', [row.outcome]));
      return {
        cells: [row.label, ...counts.map(String), String(counts[0]! + counts[1]!)],
        queries: [null, ...stage2Kinds.map((k) => answered([k], { outcomes: [row.outcome] })), answered(stage2Kinds, { outcomes: [row.outcome] })],
      };
    }),
    (() => {
      const counts = stage2Types.map((type) => sumAnswered(type, '2', findingCodes));
      return {
        cells: ['Total', ...counts.map(String), String(counts[0]! + counts[1]!)],
        queries: [null, ...stage2Kinds.map((k) => answered([k], { outcomes: findingCodes })), answered(stage2Kinds, { outcomes: findingCodes })],
      };
    })(),
  ]);
  add('stage3-requests', ['Period', 'Requests received', 'Accepted', 'Withdrawn', 'Rejected'], requestRows('3', ['accepted', 'withdrawn', 'rejected']));
  const serviceName = (id: string | null) => (id === null ? '' : (data.names.services[id] ?? ''));
  add(
    'stage3-completed',
    ['Case Type', 'Service', 'Details', 'Outcome', 'Remedy'],
    data.stage3Completed.map((c) => ({
      cells: [caseTypeLabel(c.type), serviceName(c.serviceId), c.details ?? '', c.outcome ? codeToLabel(c.outcome) : '', c.remedy ?? ''],
      queries: [null, null, null, null, null],
    })),
  );

  // Ombudsman (Tables 10, 11).
  const ombudsmanGroups = [...data.ombudsmanReceived].sort(
    (a, b) =>
      caseTypeLabel(a.type).localeCompare(caseTypeLabel(b.type)) ||
      serviceName(a.serviceId).localeCompare(serviceName(b.serviceId), 'en', { sensitivity: 'base' }) ||
      (a.decision ?? '').localeCompare(b.decision ?? ''),
  );
  const ombudsmanKinds = COMPLAINTS.map((type) => ({ type, stage: 'ombudsman' as Stage }));
  add('ombudsman-received', ['Case type', 'Numbers received', 'Service', 'Decision'], [
    ...ombudsmanGroups.map((g) => ({
      cells: [caseTypeLabel(g.type), String(g.count), serviceName(g.serviceId), g.decision ? codeToLabel(g.decision) : ''],
      queries: [
        null,
        received(period, [{ type: g.type, stage: 'ombudsman' }], { serviceId: g.serviceId ?? 'none', decisions: [g.decision ?? 'none'] }),
        null,
        null,
      ],
    })),
    { cells: ['Total', String(ombudsmanGroups.reduce((a, g) => a + g.count, 0)), '', ''], queries: [null, received(period, ombudsmanKinds), null, null] },
  ]);
  add(
    'ombudsman-completed',
    ['Case type', 'Service', 'Details', 'Decision', 'Remedy'],
    data.ombudsmanCompleted.map((c) => ({
      cells: [caseTypeLabel(c.type), serviceName(c.serviceId), c.details ?? '', c.outcome ? codeToLabel(c.outcome) : c.decision ? codeToLabel(c.decision) : '', c.remedy ?? ''],
      queries: [null, null, null, null, null],
    })),
  );

  // Compliments (seed 002) and advocacy (seed 000 s.8).
  add(
    'compliments',
    ['Period', 'Corporate', 'Statutory', 'Total'],
    years.map((year) => {
      const counts = (['corporate', 'statutory'] as const).map((framework) => sumReceived(year, (g) => g.type === 'compliment' && g.framework === framework));
      const kinds = [{ type: 'compliment' as CaseType, stage: null }];
      return {
        cells: [year.label, ...counts.map(String), String(counts[0]! + counts[1]!)],
        queries: [null, received(year, kinds, { framework: 'corporate' }), received(year, kinds, { framework: 'statutory' }), received(year, kinds)],
      };
    }),
  );
  add('advocacy', ['Measure', 'Count'], [
    {
      cells: ['Young people supported by an advocate to make a complaint', String(data.advocacy)],
      queries: [null, received(period, COMPLAINTS.flatMap((type) => (['1', '2', '3', 'ombudsman'] as Stage[]).map((stage) => ({ type, stage }))), { advocate: true })],
    },
  ]);

  // FOI (seed 000 FOI tables 1-4).
  const foiStages = ['request', 'internal_review', 'information_commissioner'] as const;
  const foiKind = (stage: Stage) => ({ type: 'foi_request' as CaseType, stage });
  const foiMonths = monthsOf(request, true);
  const foiCount = (window: ReportWindow, stage: Stage) => sumReceived(window, isKind('foi_request', stage));
  const foiTotal = foiStages.reduce((a, s) => a + foiCount(period, s), 0);
  add('foi-requests-by-month', ['Month', 'Request', 'Internal review', 'Information Commissioner', 'Total', '%'], [
    ...foiMonths.map((month) => {
      const counts = foiStages.map((s) => foiCount(month, s));
      const total = counts.reduce((a, b) => a + b, 0);
      return {
        cells: [month.label, ...counts.map(String), String(total), formatShareCell(total, foiTotal)],
        queries: [null, ...foiStages.map((s) => received(month, [foiKind(s)])), received(month, foiStages.map(foiKind)), null],
      };
    }),
    {
      cells: ['Total', ...foiStages.map((s) => String(foiCount(period, s))), String(foiTotal), ''],
      queries: [null, ...foiStages.map((s) => received(period, [foiKind(s)])), received(period, foiStages.map(foiKind)), null],
    },
  ]);
  add(
    'foi-requests-by-year',
    ['Year', 'Requests', 'Internal reviews', 'Total'],
    years.slice(1).map((year) => {
      const requests = foiCount(year, 'request');
      const reviews = foiCount(year, 'internal_review');
      return {
        cells: [year.label, String(requests), String(reviews), String(requests + reviews)],
        queries: [null, received(year, [foiKind('request')]), received(year, [foiKind('internal_review')]), received(year, [foiKind('request'), foiKind('internal_review')])],
      };
    }),
  );
  const foiTimeliness = (window: ReportWindow, stage: Stage) => timeliness(window, isKind('foi_request', stage), 'half_up', 'response');
  add(
    'foi-on-time',
    ['Period', 'Requests', 'Internal review'],
    [{ ...period, label: request.kind === 'annual' ? 'Total for the year' : 'Total for the quarter' }, ...quarters].map((window) => ({
      cells: [window.label, foiTimeliness(window, 'request'), foiTimeliness(window, 'internal_review')],
      queries: [null, received(window, [foiKind('request')], { measure: 'response' }), received(window, [foiKind('internal_review')], { measure: 'response' })],
    })),
  );
  add(
    'foi-on-time-by-year',
    ['Year', 'Performance'],
    years.slice(1).map((year) => ({ cells: [year.label, foiTimeliness(year, 'request')], queries: [null, received(year, [foiKind('request')], { measure: 'response' })] })),
  );

  return { report: { report: request.kind, period, asOf, tables }, drillDown };
}
