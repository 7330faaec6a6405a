import {
  addCalendarDays,
  computeDeadline,
  getCalendar,
  importedCaseToState,
  listBankHolidays,
  nextWorkingDayOnOrAfter,
  addWorkingDays,
  REFERENCE_ALPHABET,
  rulesForCase,
  timescaleKeyFor,
  toDayNumber,
  fromDayNumber,
  weekdayOf,
  workingDaysBetween,
  type CaseRules,
  type CaseState,
  type CaseType,
  type ClockKind,
  type Channel,
  type ImportedCase,
  type IsoDate,
  type OmbudsmanDecision,
  type Outcome,
  type PolicyVersion,
  type RequestDecision,
  type Stage,
} from '@heard/domain';
import { DEMO_LOCALITIES, DEMO_ORGANISATION, DEMO_THEMES } from './demo';

/**
 * Synthetic cases for benchmarks and demos (contracts.md `heard generate`):
 * realistic, and deterministic per seed: the same options give the same
 * rows, byte for byte (ids, references, dates and timestamps all come from
 * the seeded generator, never from the clock or `crypto`).
 *
 * The mix is the seeds' (`shared/seeds/000` and `002`): the seven case
 * columns of seed 000's Table 1b, seed 002's compliments, seed 000's FOI
 * figures; seed 000's months (Table 2b) and FOI months; Stage 1 outcomes
 * from seed 000 Table 5 and seed 002's closures; escalation rates, Stage 2
 * and 3 decisions and Ombudsman decisions from both; seed 002's themes; the
 * divisions and services of the demo council. Cases arrive on weekends and
 * bank holidays too (less often), and chains escalate Stage 1 -> 2 -> 3 ->
 * Ombudsman and FOI request -> internal review -> Information Commissioner.
 *
 * Each case record is first an import row (contracts.md "Case import: CSV",
 * so the same data can be written as a file for `heard import`), then its
 * state and deadlines come from @heard/domain exactly as the import computes
 * them (`importedCaseToState`, `rulesForCase`, `computeDeadline`): never a
 * deadline counted here.
 */

// ---------------------------------------------------------------------------
// Seeded random numbers

/** sfc32, seeded through splitmix32: fast, 128 bits of state, good enough for synthetic data. */
export type Random = {
  /** A float in [0, 1). */
  next: () => number;
  int: (minInclusive: number, maxInclusive: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** A version 4 shaped UUID. */
  uuid: () => string;
};

export function createRandom(seed: number, stream = 0): Random {
  let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const u32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i += 1) u32();
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  const random: Random = {
    next: () => u32() / 4294967296,
    int: (min, max) => min + Math.floor((u32() / 4294967296) * (max - min + 1)),
    chance: (p) => u32() / 4294967296 < p,
    pick: (items) => items[Math.floor((u32() / 4294967296) * items.length)] as (typeof items)[number],
    uuid: () => {
      const x = hex(u32()) + hex(u32()) + hex(u32()) + hex(u32());
      const variant = ((parseInt(x[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${x.slice(0, 8)}-${x.slice(8, 12)}-4${x.slice(13, 16)}-${variant}${x.slice(17, 20)}-${x.slice(20, 32)}`;
    },
  };
  return random;
}

type Picker = { keys: string[]; cumulative: Float64Array; total: number };
const pickers = new WeakMap<object, Picker>();

/** Picks a key by weight (each weights object is compiled once). */
function weighted<T extends string>(random: Random, weights: Readonly<Record<T, number>>): T {
  let picker = pickers.get(weights);
  if (!picker) {
    const entries = Object.entries(weights) as [string, number][];
    const cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, w], i) => {
      total += w;
      cumulative[i] = total;
    });
    picker = { keys: entries.map(([k]) => k), cumulative, total };
    pickers.set(weights, picker);
  }
  const r = random.next() * picker.total;
  const { cumulative, keys } = picker;
  for (let i = 0; i < keys.length; i += 1) if (r < cumulative[i]!) return keys[i] as T;
  return keys[keys.length - 1] as T;
}

// ---------------------------------------------------------------------------
// The mix (from the seeds)

/** Case records opening a chain, per 1,000: seed 000 Table 1b (2023-24), seed 002's compliments, seed 000's FOI requests. */
export const ROOT_MIX = {
  corporate_complaint: 93,
  children_act_complaint: 100,
  general_enquiry: 17,
  mayor_enquiry: 12,
  member_enquiry: 47,
  mp_enquiry: 96,
  chief_executive_enquiry: 3,
  compliment: 139,
  foi_request: 258,
} as const satisfies Record<CaseType, number>;

/** Seed 000 Table 2b: cases received by month (April first). */
export const MONTH_WEIGHTS = [32, 22, 29, 18, 26, 25, 45, 24, 27, 38, 34, 45] as const;
/** Seed 000 FOI table 1: requests by month (April first). */
export const FOI_MONTH_WEIGHTS = [15, 21, 14, 20, 28, 25, 31, 24, 15, 15, 30, 20] as const;
/** Relative arrivals on a weekend day or a bank holiday (the portal and email never close). */
export const NON_WORKING_DAY_WEIGHT = 0.22;

/** Stage 1 closures and findings: seed 000 Table 5 (by type) with seed 002's local resolutions, withdrawals and out of remit. */
const STAGE1_OUTCOMES = {
  children_act_complaint: {
    not_upheld: 36,
    partly_upheld: 21,
    upheld: 22,
    resolved_on_receipt: 1,
    local_resolution: 9,
    withdrawn: 3,
    out_of_remit: 8,
  },
  corporate_complaint: {
    not_upheld: 22,
    partly_upheld: 16,
    upheld: 48,
    resolved_on_receipt: 3,
    local_resolution: 5,
    withdrawn: 2,
    out_of_remit: 4,
  },
} as const;
/** Seed 000 T7 and seed 002: findings at Stage 2 and 3. */
const LATER_FINDINGS = { not_upheld: 40, partly_upheld: 38, upheld: 22 } as const;
/** Seed 000 T6 (2021-22) and seed 002: decisions on Stage 2 requests. */
const STAGE2_DECISIONS = { accepted: 56, rejected: 17, withdrawn: 7, resolved_by_adr: 12, on_hold: 5, pending: 3 } as const;
/** Seed 000 T8: decisions on Stage 3 requests. */
const STAGE3_DECISIONS = { accepted: 80, rejected: 14, withdrawn: 6 } as const;
/** Seed 002: LGSCO enquiries (34 premature, 16 refused, the rest investigated). */
const OMBUDSMAN_DECISION_MIX = { premature: 50, not_investigated: 24, to_be_investigated: 26 } as const;
const OMBUDSMAN_OUTCOME_MIX = { fault_causing_injustice: 55, fault_no_injustice: 15, no_fault: 30 } as const;
const FOI_OUTCOME_MIX = { provided: 56, partly_provided: 19, withheld: 10, not_held: 12, withdrawn: 3 } as const;
/** Requests for the next stage, per finding (seed 000: 9% of complaints to Stage 2; 1 in 10 of those to Stage 3; seed 002: more to the LGSCO). */
export const ESCALATION = {
  stage2: { children_act_complaint: 0.12, corporate_complaint: 0.08 },
  stage3: 0.1,
  /** Straight from Stage 1 (mostly sent back as premature). */
  ombudsmanFromStage1: 0.025,
  ombudsmanFromStage2: 0.12,
  ombudsmanFromStage3: 0.35,
  foiInternalReview: 0.02,
  foiCommissioner: 0.25,
} as const;
/** Answered on or before the deadline (seed 000 Table 3 and FOI table 3). */
const ON_TIME = {
  children_act_complaint: 0.55,
  corporate_complaint: 0.6,
  general_enquiry: 0.6,
  mayor_enquiry: 0.9,
  member_enquiry: 0.8,
  mp_enquiry: 0.72,
  chief_executive_enquiry: 0.5,
  compliment: 1,
  foi_request: 0.7,
} as const satisfies Record<CaseType, number>;
/** Seed 002: 80 statutory and 159 corporate representations; compliments 98 statutory, 41 corporate. */
const STATUTORY_SHARE = { enquiry: 0.33, compliment: 0.7 } as const;
/** Seed 002: "the majority of complaints were found to be complex". */
const COMPLEX_SHARE = 0.4;
/** Seed 000: 12 young people supported by an advocate, of 100 Children Act complaints. */
const ADVOCATE_SHARE = 0.1;
/** Seed 002's themes: standard and speed of service most often, data least. */
const THEME_WEIGHTS: Record<string, number> = {
  'Access to services': 8,
  Communication: 14,
  'Use/Storage of Data': 5,
  'Officer Behaviour': 16,
  'Service Decision': 15,
  'Speed of Service': 17,
  'Standard of Service': 25,
};
/** Seed 002: SEND is 70% of corporate complaints; child protection and looked-after children lead the statutory ones. */
const SERVICE_WEIGHTS: Record<string, number> = {
  'Children in Need and Child Protection': 34,
  'Children Looked After': 22,
  Fostering: 9,
  Adoption: 5,
  'Leaving Care': 14,
  'Family Support': 16,
  LADO: 3,
  'Integrated SEND Services': 62,
  'School Admissions & Transport': 13,
  'Education Welfare': 6,
  'Early Years & Childcare': 5,
  'Commissioning & Partnerships': 5,
  'Information & ICT': 4,
};
const CHANNELS_BY_KIND: Record<'complaint' | 'representation' | 'other', Readonly<Record<Channel, number>>> = {
  complaint: { portal: 38, email: 36, phone: 12, letter: 9, in_person: 3, member: 2 },
  representation: { portal: 0, email: 55, phone: 5, letter: 10, in_person: 0, member: 30 },
  other: { portal: 40, email: 45, phone: 8, letter: 6, in_person: 1, member: 0 },
};

/** What complaints and enquiries are about (seed 000 §3.4 and §4.3), by service. */
const DETAILS: Record<string, readonly string[]> = {
  'Integrated SEND Services': [
    'Delay in completing an education, health and care needs assessment',
    'The annual review of an EHC plan was not completed within the statutory timescale',
    'Disagreement with the decision not to issue an EHC plan',
    'Delay in agreeing an education otherwise than at school package',
  ],
  'School Admissions & Transport': [
    'Delay in providing school travel assistance',
    'Travel costs not reimbursed',
    'School place not offered at the preferred school',
  ],
  'Children in Need and Child Protection': [
    'Disagreement with the outcome of a child protection conference',
    'Perceived bias of the social worker against the family',
    'Information recorded on file is inaccurate',
  ],
  'Children Looked After': [
    'Lack of support from the social worker',
    'Contact arrangements were changed without consultation',
    'Placement move without notice',
  ],
  Fostering: ['Delay in processing payments to foster carers', 'Support for foster carers was withdrawn'],
  Adoption: ['Dissatisfied with the adoption assessment process'],
  'Leaving Care': ['Delay in paying rent and bursary', 'Personal adviser did not return calls'],
  'Family Support': ['Early help plan closed without explanation', 'Worker did not attend agreed visits'],
  'Early Years & Childcare': ['Funded childcare place not confirmed'],
  'Education Welfare': ['Penalty notice issued in error'],
  LADO: ['Handling of an allegation against a professional'],
  'Commissioning & Partnerships': ['Dissatisfied with the service provided by a commissioned provider'],
  'Information & ICT': ['Personal data shared with the wrong person'],
};
const DEFAULT_DETAILS = [
  'Delay in responding to correspondence',
  'Attitude and conduct of a worker',
  'Disagreement with a professional decision',
];
const FOI_DETAILS = [
  'Number of children looked after placed out of the area, by age',
  'Spending on agency social workers in the last three years',
  'Number of EHC needs assessments completed within 20 weeks',
  'Home to school transport contracts and their costs',
  'Caseloads of social workers by team',
];
const COMPLIMENT_DETAILS = [
  'Thanks to the social worker for going above and beyond',
  'Thanks to the SEND team for their support',
  'Business support staff were always helpful',
  'Thanks for the support over many years',
];
const REMEDIES = [
  'Apology',
  'Apology and a payment of £150 for the time and trouble',
  'Review of the policy and reminder to staff',
  'Assessment to be completed within four weeks',
  'Reimbursement of travel costs',
];

const FIRST_NAMES = [
  'Amira',
  'Ben',
  'Chloe',
  'Dylan',
  'Ella',
  'Farah',
  'George',
  'Hana',
  'Isaac',
  'Jade',
  'Kwame',
  'Layla',
  'Mohammed',
  'Nia',
  'Oliver',
  'Priya',
  'Rhys',
  'Sofia',
  'Tomasz',
  'Zara',
];
const LAST_NAMES = [
  'Ahmed',
  'Brown',
  'Davies',
  'Evans',
  'Hughes',
  'Jones',
  'Khan',
  'Lewis',
  'Morgan',
  'Nowak',
  'Okafor',
  'Patel',
  'Roberts',
  'Smith',
  'Taylor',
  'Thomas',
  'Walker',
  'Williams',
  'Wilson',
  'Wright',
];
const MEMBER_TITLES: Partial<Record<CaseType, string>> = {
  member_enquiry: 'Cllr',
  mp_enquiry: 'MP',
  mayor_enquiry: 'Office of the Mayor',
  chief_executive_enquiry: "Chief Executive's Office",
};

/** Fictional places for synthetic councils. */
export const SYNTHETIC_PLACES = [
  'Ashcombe',
  'Brackenford',
  'Caldermoor',
  'Dunmere',
  'Eastwold',
  'Fernleigh',
  'Glenhurst',
  'Harrowby',
  'Ivybridge Vale',
  'Kingsmead',
  'Larkhill',
  'Marshfield',
  'Northholt Downs',
  'Oakhampton',
  'Pembury',
  'Queensferry',
  'Redmarley',
  'Stonebridge',
  'Thornbury',
  'Westerleigh',
];

// ---------------------------------------------------------------------------
// Councils, their reference data and the rows written

export type SyntheticReference = { id: string; name: string };
export type SyntheticService = SyntheticReference & { divisionId: string; framework: 'statutory' | 'corporate' };

/** A council the cases go to: its reference data by id (made here, or read from the database). */
export type SyntheticCouncil = {
  id: string;
  referencePrefix: string;
  divisions: SyntheticReference[];
  services: SyntheticService[];
  themes: SyntheticReference[];
  localities: SyntheticReference[];
  /** Staff who own cases. */
  officers: string[];
  /** The council's own timescale policy versions and closure days (none for a synthetic council). */
  policyVersions?: PolicyVersion[];
  closureDays?: Array<{ date: string; name: string }>;
};

/** A new synthetic council and its reference data, with ids from the seed. */
export type NewSyntheticCouncil = SyntheticCouncil & {
  slug: string;
  name: string;
  createdAt: string;
  officerRows: Array<{ id: string; email: string; displayName: string }>;
};

export function syntheticCouncils(input: { seed: number; councils: number; officersPerCouncil?: number }): NewSyntheticCouncil[] {
  const random = createRandom(input.seed, 1_000_000);
  const list: NewSyntheticCouncil[] = [];
  for (let i = 0; i < input.councils; i += 1) {
    const place = SYNTHETIC_PLACES[i % SYNTHETIC_PLACES.length]!;
    const round = Math.floor(i / SYNTHETIC_PLACES.length);
    const name = `${place}${round > 0 ? ` ${round + 1}` : ''} Council`;
    const slug = `${place.toLowerCase().replace(/[^a-z0-9]+/g, '-')}${round > 0 ? `-${round + 1}` : ''}-s${input.seed}`.slice(0, 40);
    const id = random.uuid();
    const divisions: SyntheticReference[] = [];
    const services: SyntheticService[] = [];
    for (const entry of DEMO_ORGANISATION) {
      const division = { id: random.uuid(), name: entry.division };
      divisions.push(division);
      for (const [serviceName, , framework] of entry.services)
        services.push({ id: random.uuid(), name: serviceName, divisionId: division.id, framework });
    }
    const themes = DEMO_THEMES.map(([themeName]) => ({ id: random.uuid(), name: themeName }));
    const localities = DEMO_LOCALITIES.map(([localityName]) => ({ id: random.uuid(), name: localityName }));
    const officerRows = Array.from({ length: input.officersPerCouncil ?? 12 }, (_, n) => {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      return { id: random.uuid(), email: `officer${n + 1}@${slug}.heard.test`, displayName: `${first} ${last}` };
    });
    list.push({
      id,
      slug,
      name,
      createdAt: '2020-01-01T09:00:00.000Z',
      referencePrefix: 'CYP',
      divisions,
      services,
      themes,
      localities,
      officers: officerRows.map((o) => o.id),
      officerRows,
    });
  }
  return list;
}

/** One case record, as its columns are written (dates 'YYYY-MM-DD'). */
export type SyntheticCaseRow = {
  id: string;
  council_id: string;
  reference: string;
  type: CaseType;
  framework: string;
  stage: Stage | null;
  parent_case_id: string | null;
  status: string;
  received_on: string;
  started_on: string | null;
  acknowledgement_due_on: string | null;
  acknowledged_on: string | null;
  due_on: string | null;
  deadline_status: 'due' | 'awaiting_agreed_statement' | 'awaiting' | 'paused' | 'no_deadline';
  responded_on: string | null;
  closed_on: string | null;
  complex: boolean;
  decision: string | null;
  outcome: string | null;
  division_id: string | null;
  service_id: string | null;
  locality_id: string | null;
  owner_user_id: string | null;
  channel: Channel;
  advocate_supported: boolean;
  summary: string | null;
  details: string | null;
  remedy: string | null;
  out_of_remit_reason: string | null;
  lifecycle: string;
  created_at: string;
  updated_at: string;
};

export type SyntheticPersonRow = {
  id: string;
  council_id: string;
  case_id: string;
  role: 'complainant' | 'member' | 'requester';
  name: string;
  email: string;
  created_at: string;
};
export type SyntheticEventRow = {
  council_id: string;
  case_id: string;
  type: string;
  payload: string;
  actor_label: string;
  occurred_at: string;
};
export type SyntheticThemeRow = { council_id: string; case_id: string; theme_id: string };

/** One generated case record with what belongs to it, and its import row (names, not ids). */
export type SyntheticCase = {
  row: SyntheticCaseRow;
  theme: SyntheticThemeRow | null;
  person: SyntheticPersonRow;
  events: SyntheticEventRow[];
  importRow: ImportedCase;
};

export type SyntheticOptions = {
  /** Case records to make for this council (every stage is a record). */
  cases: number;
  seed: number;
  /** A stream number, so that councils sharing a seed differ (their index). */
  stream?: number;
  /** The day the data is "as of": nothing happens after it. A fixed default keeps runs identical. */
  asOf?: IsoDate;
  /** How many years of cases, ending on `asOf` (default 3: the report's three-year tables). */
  years?: number;
};

import { SYNTHETIC_AS_OF } from './synthetic-as-of';

export { SYNTHETIC_AS_OF };

// ---------------------------------------------------------------------------
// Dates

type DayTable = { days: number[]; cumulative: Float64Array; total: number };

function dayTable(from: IsoDate, to: IsoDate, monthWeights: readonly number[], holidays: ReadonlySet<string>): DayTable {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const days: number[] = [];
  const cumulative = new Float64Array(end - start + 1);
  let total = 0;
  for (let d = start; d <= end; d += 1) {
    const date = fromDayNumber(d);
    const month = Number(date.slice(5, 7));
    const weekday = weekdayOf(date);
    const nonWorking = weekday >= 6 || holidays.has(date);
    // Months of the financial year from April; each day a share of its month's weight.
    const monthWeight = monthWeights[(month + 8) % 12]!;
    total += monthWeight * (nonWorking ? NON_WORKING_DAY_WEIGHT : 1);
    days.push(d);
    cumulative[d - start] = total;
  }
  return { days, cumulative, total };
}

function pickDay(random: Random, table: DayTable): IsoDate {
  const r = random.next() * table.total;
  let lo = 0;
  let hi = table.days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.cumulative[mid]! <= r) lo = mid + 1;
    else hi = mid;
  }
  return fromDayNumber(table.days[lo]!);
}

// ---------------------------------------------------------------------------
// References: the domain's format, unique without a look-up

const ALPHABET_SIZE = REFERENCE_ALPHABET.length;
const REFERENCE_SPACE = ALPHABET_SIZE ** 4;

/** The domain's check character (Luhn mod 24 over the year digits and the body), as `case-reference.ts` computes it. */
function checkCharacter(values: readonly number[]): string {
  let factor = 2;
  let sum = 0;
  for (let i = values.length - 1; i >= 0; i -= 1) {
    let addend = factor * values[i]!;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / ALPHABET_SIZE) + (addend % ALPHABET_SIZE);
    sum += addend;
  }
  return REFERENCE_ALPHABET.charAt((ALPHABET_SIZE - (sum % ALPHABET_SIZE)) % ALPHABET_SIZE);
}

/**
 * The n-th reference of a council's year: n is spread over the 331,776
 * bodies by a fixed permutation (multiplier coprime with 24^4), so
 * references look random, never clash, and need no set of those taken.
 * Past 331,776 in one year (only a benchmark's million-case council gets
 * there) a letter is added to the prefix: still a valid reference.
 */
function referenceFor(prefix: string, year: number, n: number, multiplier: number, offset: number): string {
  const round = Math.floor(n / REFERENCE_SPACE);
  let value = ((((n % REFERENCE_SPACE) * multiplier + offset) % REFERENCE_SPACE) + REFERENCE_SPACE) % REFERENCE_SPACE;
  const body: number[] = [];
  for (let i = 0; i < 4; i += 1) {
    body.unshift(value % ALPHABET_SIZE);
    value = Math.floor(value / ALPHABET_SIZE);
  }
  const yy = String(year % 100).padStart(2, '0');
  const values = [Number(yy[0]), Number(yy[1]), ...body];
  const extra = round === 0 ? '' : String.fromCharCode(64 + round);
  const fullPrefix = `${prefix}${extra}`.slice(0, 5);
  return `${fullPrefix}-${yy}-${body.map((v) => REFERENCE_ALPHABET.charAt(v)).join('')}${checkCharacter(values)}`;
}

// ---------------------------------------------------------------------------
// Deadlines: the columns the tracker reads, as the back-office computes them

function operativeClock(state: CaseState): ClockKind {
  if (state.type === 'children_act_complaint' && state.stage === '3') {
    if (!state.panelHeldOn) return 'panel';
    if (!state.findingsIssuedOn) return 'panel_findings';
  }
  return 'response';
}

export function deadlineColumnsOf(
  state: CaseState,
  rules: CaseRules,
): Pick<SyntheticCaseRow, 'acknowledgement_due_on' | 'due_on' | 'deadline_status'> {
  const acknowledgement = computeDeadline(state, 'acknowledgement', rules, { explain: false });
  const current = computeDeadline(state, operativeClock(state), rules, { explain: false });
  let dueOn: string | null = null;
  let status: SyntheticCaseRow['deadline_status'] = 'no_deadline';
  if (current.status === 'due') {
    dueOn = current.dueOn;
    status = 'due';
  } else if (current.status === 'awaiting') {
    dueOn = current.provisionalDueOn;
    status = current.awaiting === 'statement_agreed' ? 'awaiting_agreed_statement' : 'awaiting';
  } else if (current.status === 'paused') {
    status = 'paused';
  }
  return {
    acknowledgement_due_on: acknowledgement.status === 'due' ? acknowledgement.dueOn : null,
    due_on: dueOn,
    deadline_status: status,
  };
}

// ---------------------------------------------------------------------------
// The generator

type Draft = {
  type: CaseType;
  stage: Stage | null;
  framework: 'statutory' | 'corporate' | null;
  receivedOn: IsoDate;
  policyDate: IsoDate;
  parent: SyntheticCase | null;
  serviceIndex: number;
  themeIndex: number | null;
  localityIndex: number;
  channel: Channel;
  advocate: boolean;
  complex: boolean;
  person: { name: string; email: string; role: SyntheticPersonRow['role'] };
  details: string;
};

/** How a case turned out, decided before its dates are placed. */
type Plan = {
  decision: RequestDecision | OmbudsmanDecision | null;
  outcome: Outcome | null;
  onTime: boolean;
};

/**
 * Makes a council's synthetic cases, a chain at a time (a chain's later
 * stages follow its first): yields exactly `options.cases` records.
 */
export function* generateSyntheticCases(council: SyntheticCouncil, options: SyntheticOptions): Generator<SyntheticCase> {
  const random = createRandom(options.seed, options.stream ?? 0);
  const asOf = options.asOf ?? SYNTHETIC_AS_OF;
  const years = options.years ?? 3;
  const from = addCalendarDays(asOf, -Math.round(365.25 * years) + 1);
  const holidays = new Set(listBankHolidays('england-and-wales').map((h) => h.date));
  const rootDays = dayTable(from, asOf, MONTH_WEIGHTS, holidays);
  const foiDays = dayTable(from, asOf, FOI_MONTH_WEIGHTS, holidays);
  const councilCalendar = getCalendar('england-and-wales');
  const foiCalendar = getCalendar('foi');
  // The permutation of reference bodies: odd and not a multiple of 3 (coprime with 24^4).
  let multiplier = random.int(10_000, REFERENCE_SPACE - 1);
  while (multiplier % 2 === 0 || multiplier % 3 === 0) multiplier += 1;
  const offset = random.int(0, REFERENCE_SPACE - 1);
  const perYear = new Map<number, number>();
  const rulesCache = new Map<IsoDate, CaseRules>();
  const rulesAt = (date: IsoDate) => {
    let rules = rulesCache.get(date);
    if (!rules) {
      rules = rulesForCase({ receivedOn: date, councilVersions: council.policyVersions ?? [], closureDays: council.closureDays ?? [] });
      rulesCache.set(date, rules);
    }
    return rules;
  };
  const servicesByFramework = {
    statutory: council.services.filter((s) => s.framework === 'statutory'),
    corporate: council.services.filter((s) => s.framework === 'corporate'),
  };
  const serviceWeights = (framework: 'statutory' | 'corporate' | 'any') => {
    const list =
      framework === 'any'
        ? council.services
        : servicesByFramework[framework].length > 0
          ? servicesByFramework[framework]
          : council.services;
    return Object.fromEntries(list.map((s) => [String(council.services.indexOf(s)), SERVICE_WEIGHTS[s.name] ?? 4])) as Record<
      string,
      number
    >;
  };
  const serviceWeightsBy = { statutory: serviceWeights('statutory'), corporate: serviceWeights('corporate'), any: serviceWeights('any') };
  const themeWeights = Object.fromEntries(council.themes.map((t, i) => [String(i), THEME_WEIGHTS[t.name] ?? 8])) as Record<string, number>;
  const localityWeights = Object.fromEntries(council.localities.map((_, i) => [String(i), 5 + (i % 3) * 3])) as Record<string, number>;

  let made = 0;
  let sequence = 0;

  const workingCalendar = (type: CaseType) => (type === 'foi_request' ? foiCalendar : councilCalendar);
  /** A working day `min`..`max` working days after `date`. */
  const workingDaysAfter = (type: CaseType, date: IsoDate, min: number, max: number) =>
    addWorkingDays(workingCalendar(type), date, random.int(min, max));

  /** Builds a record from a draft and its plan: the import row, then the domain's state and deadlines. */
  const build = (draft: Draft, plan: Plan): SyntheticCase | null => {
    const rules = rulesAt(draft.policyDate);
    const key = timescaleKeyFor(draft.type, draft.stage);
    if (key !== undefined && rules.policy.timescales[key] === null) return null; // a stage this policy does not offer
    const service = council.services[draft.serviceIndex] ?? null;
    // Acknowledgement: most within 3 working days.
    let acknowledgedOn: IsoDate | null = null;
    if (
      draft.type !== 'foi_request' &&
      draft.stage !== 'ombudsman' &&
      draft.stage !== 'information_commissioner' &&
      random.chance(draft.type === 'compliment' ? 0.6 : 0.88)
    ) {
      acknowledgedOn = workingDaysAfter(draft.type, draft.receivedOn, random.chance(0.82) ? 0 : 3, random.chance(0.82) ? 3 : 8);
      if (acknowledgedOn > asOf) acknowledgedOn = null;
    }
    let startedOn: IsoDate | null = null;
    if (draft.type === 'children_act_complaint' && draft.stage === '2' && plan.decision === 'accepted') {
      startedOn = workingDaysAfter(draft.type, draft.receivedOn, 3, 15);
      if (startedOn > asOf) startedOn = null;
    }
    const importRow: ImportedCase = {
      reference: '',
      type: draft.type,
      stage: draft.stage,
      parentReference: draft.parent?.row.reference ?? null,
      receivedOn: draft.receivedOn,
      framework: draft.framework,
      division: service ? (council.divisions.find((d) => d.id === service.divisionId)?.name ?? null) : null,
      service: service?.name ?? null,
      theme: draft.themeIndex === null ? null : (council.themes[draft.themeIndex]?.name ?? null),
      locality: council.localities[draft.localityIndex]?.name ?? null,
      startedOn,
      complex: draft.complex,
      acknowledgedOn,
      respondedOn: null,
      decision: plan.decision,
      outcome: null,
      details: draft.details,
      remedy: null,
      advocate: draft.advocate,
      channel: draft.channel,
    };
    // When is it answered? Against the deadline the domain gives the case as received.
    const provisional = importedCaseToState(importRow, draft.policyDate);
    const provisionalColumns = deadlineColumnsOf(withPanelDates(provisional, null), rules);
    let respondedOn: IsoDate | null = null;
    const decidedWithoutAnswer =
      plan.decision === 'rejected' ||
      plan.decision === 'withdrawn' ||
      plan.decision === 'resolved_by_adr' ||
      plan.decision === 'premature' ||
      plan.decision === 'not_investigated';
    if (decidedWithoutAnswer) {
      respondedOn = workingDaysAfter(draft.type, draft.receivedOn, 2, 12);
    } else if (plan.outcome !== null) {
      const quick =
        plan.outcome === 'resolved_on_receipt' ||
        plan.outcome === 'withdrawn' ||
        plan.outcome === 'out_of_remit' ||
        draft.type === 'compliment';
      const start = startedOn ?? draft.receivedOn;
      const due = provisionalColumns.due_on;
      if (quick) respondedOn = workingDaysAfter(draft.type, start, 0, 4);
      else if (draft.stage === 'ombudsman') respondedOn = workingDaysAfter(draft.type, draft.receivedOn, 40, 160);
      else if (due && plan.onTime)
        respondedOn = workingDaysAfter(draft.type, start, 1, Math.max(1, workingDaysBetweenSafe(workingCalendar(draft.type), start, due)));
      else if (due) respondedOn = nextWorkingDayOnOrAfter(workingCalendar(draft.type), addCalendarDays(due, random.int(1, 45)));
      else respondedOn = workingDaysAfter(draft.type, start, 5, 30);
      if (draft.stage === '2' && draft.type === 'children_act_complaint' && startedOn === null) respondedOn = null;
    }
    if (respondedOn !== null && respondedOn > asOf) respondedOn = null;
    importRow.respondedOn = respondedOn;
    importRow.outcome = respondedOn === null ? null : plan.outcome;
    if (
      importRow.outcome &&
      ['upheld', 'partly_upheld', 'fault_causing_injustice'].includes(importRow.outcome) &&
      (draft.stage === '2' || draft.stage === '3' || draft.stage === 'ombudsman')
    ) {
      importRow.remedy = random.pick(REMEDIES);
    }

    // The record's reference: the n-th of its year at this council.
    const year = Number(draft.receivedOn.slice(0, 4));
    const n = perYear.get(year) ?? 0;
    perYear.set(year, n + 1);
    importRow.reference = referenceFor(council.referencePrefix, year, n, multiplier, (offset + year * 7919) % REFERENCE_SPACE);

    let state = importedCaseToState(importRow, draft.policyDate);
    state = withPanelDates(state, respondedOn);
    // Answered a while ago: the escalation window has passed and the case is closed.
    let closedOn = state.closedOn;
    let status: string = state.status;
    if (status === 'responded' && respondedOn !== null) {
      const closeOn = addCalendarDays(respondedOn, 35);
      if (closeOn <= asOf) {
        status = 'closed';
        closedOn = closeOn;
      }
    }
    // Most cases have an officer; an open one with an officer is in progress (unless its request awaits a decision).
    const owner = council.officers.length > 0 && random.chance(0.85) ? random.pick(council.officers) : null;
    if (
      (status === 'received' || status === 'acknowledged') &&
      owner !== null &&
      (state.request === null || state.request.decision !== null)
    )
      status = 'in_progress';
    const columns = deadlineColumnsOf(state, rules);
    const id = random.uuid();
    sequence += 1;
    const createdAt = `${draft.receivedOn}T${String(8 + (sequence % 10)).padStart(2, '0')}:${String(sequence % 60).padStart(2, '0')}:00.000Z`;
    const updatedOn = closedOn ?? respondedOn ?? acknowledgedOn ?? draft.receivedOn;
    const decision = state.request?.decision ?? state.ombudsmanDecision?.decision ?? null;
    const row: SyntheticCaseRow = {
      id,
      council_id: council.id,
      reference: importRow.reference,
      type: draft.type,
      framework: state.framework,
      stage: draft.stage,
      parent_case_id: draft.parent?.row.id ?? null,
      status,
      received_on: draft.receivedOn,
      started_on: state.statementAgreedOn ?? startedOn,
      acknowledgement_due_on: columns.acknowledgement_due_on,
      acknowledged_on: acknowledgedOn,
      due_on: columns.due_on,
      deadline_status: columns.deadline_status,
      responded_on: state.respondedOn ?? importRow.respondedOn,
      closed_on: closedOn,
      complex: draft.complex,
      decision,
      outcome: state.outcome ?? importRow.outcome,
      division_id: service?.divisionId ?? null,
      service_id: service?.id ?? null,
      locality_id: council.localities[draft.localityIndex]?.id ?? null,
      owner_user_id: owner,
      channel: draft.channel,
      advocate_supported: draft.advocate,
      summary: draft.details.length > 80 ? `${draft.details.slice(0, 77)}...` : draft.details,
      details: draft.details,
      remedy: importRow.remedy,
      out_of_remit_reason:
        state.outcome === 'out_of_remit'
          ? random.pick([
              'historic',
              'no_parental_responsibility_or_interest',
              'other_authority_or_agency',
              'court_or_tribunal_proceedings',
            ])
          : null,
      lifecycle: JSON.stringify({
        policyDate: state.policyDate,
        request: state.request,
        statementAgreedOn: state.statementAgreedOn,
        panelHeldOn: state.panelHeldOn,
        findingsIssuedOn: state.findingsIssuedOn,
        ombudsmanDecision: state.ombudsmanDecision,
        hold: state.hold,
        remedies: state.remedies,
      }),
      created_at: createdAt,
      updated_at: `${updatedOn}T17:00:00.000Z`,
    };
    const events: SyntheticEventRow[] = [
      {
        council_id: council.id,
        case_id: id,
        type: 'received',
        payload: JSON.stringify({ on: draft.receivedOn, channel: draft.channel }),
        actor_label: 'synthetic',
        occurred_at: createdAt,
      },
    ];
    if (acknowledgedOn)
      events.push({
        council_id: council.id,
        case_id: id,
        type: 'acknowledged',
        payload: JSON.stringify({ on: acknowledgedOn }),
        actor_label: 'synthetic',
        occurred_at: `${acknowledgedOn}T12:00:00.000Z`,
      });
    if (row.responded_on) {
      events.push({
        council_id: council.id,
        case_id: id,
        type: 'responded',
        payload: JSON.stringify({ on: row.responded_on, outcome: row.outcome }),
        actor_label: 'synthetic',
        occurred_at: `${row.responded_on}T15:00:00.000Z`,
      });
    }
    const themeId = draft.themeIndex === null ? null : (council.themes[draft.themeIndex]?.id ?? null);
    return {
      row,
      theme: themeId ? { council_id: council.id, case_id: id, theme_id: themeId } : null,
      person: {
        id: random.uuid(),
        council_id: council.id,
        case_id: id,
        role: draft.person.role,
        name: draft.person.name,
        email: draft.person.email,
        created_at: createdAt,
      },
      events,
      importRow,
    };
  };

  /** Statutory Stage 3: the panel is held and its findings issued before the response. */
  function withPanelDates(state: CaseState, respondedOn: IsoDate | null): CaseState {
    if (state.type !== 'children_act_complaint' || state.stage !== '3' || state.request?.decision !== 'accepted') return state;
    const panelHeldOn = respondedOn
      ? addWorkingDays(
          councilCalendar,
          state.receivedOn,
          Math.min(28, Math.max(1, workingDaysBetweenSafe(councilCalendar, state.receivedOn, respondedOn) - 10)),
        )
      : null;
    if (!panelHeldOn || panelHeldOn > asOf) return state;
    const findings = addWorkingDays(councilCalendar, panelHeldOn, 4);
    return { ...state, panelHeldOn, findingsIssuedOn: findings <= asOf ? findings : null };
  }

  const newPerson = (type: CaseType) => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const title = MEMBER_TITLES[type];
    const name = title ? `${title} ${first} ${last}`.replace(/^Cllr /, 'Cllr ').trim() : `${first} ${last}`;
    return {
      name: title === 'MP' ? `${first} ${last} MP` : name,
      email: `${first}.${last}.${random.int(1, 9999)}@example.com`.toLowerCase(),
      role: (title ? 'member' : type === 'foi_request' ? 'requester' : 'complainant') as SyntheticPersonRow['role'],
    };
  };

  const draftFor = (type: CaseType, receivedOn: IsoDate): Draft => {
    const complaint = type === 'children_act_complaint' || type === 'corporate_complaint';
    const framework: Draft['framework'] =
      type === 'children_act_complaint'
        ? 'statutory'
        : type === 'corporate_complaint'
          ? 'corporate'
          : type === 'foi_request'
            ? null
            : random.chance(type === 'compliment' ? STATUTORY_SHARE.compliment : STATUTORY_SHARE.enquiry)
              ? 'statutory'
              : 'corporate';
    const serviceKey = framework ?? 'any';
    const serviceIndex = type === 'foi_request' && random.chance(0.5) ? -1 : Number(weighted(random, serviceWeightsBy[serviceKey]));
    const service = council.services[serviceIndex];
    const representation = type in MEMBER_TITLES;
    return {
      type,
      stage: complaint ? '1' : type === 'foi_request' ? 'request' : null,
      framework,
      receivedOn,
      policyDate: receivedOn,
      parent: null,
      serviceIndex,
      themeIndex: complaint && council.themes.length > 0 && random.chance(0.92) ? Number(weighted(random, themeWeights)) : null,
      localityIndex: Number(weighted(random, localityWeights)),
      channel: weighted(random, CHANNELS_BY_KIND[complaint ? 'complaint' : representation ? 'representation' : 'other']),
      advocate: type === 'children_act_complaint' && random.chance(ADVOCATE_SHARE),
      complex: type === 'children_act_complaint' && random.chance(COMPLEX_SHARE),
      person: newPerson(type),
      details: random.pick(
        type === 'foi_request'
          ? FOI_DETAILS
          : type === 'compliment'
            ? COMPLIMENT_DETAILS
            : (service && DETAILS[service.name]) || DEFAULT_DETAILS,
      ),
    };
  };

  /** The next stage of a chain, received a little after the previous one was answered. */
  const nextDraft = (previous: SyntheticCase, stage: Stage, minDays: number, maxDays: number): Draft | null => {
    const answered = previous.row.responded_on;
    if (!answered) return null;
    const receivedOn = addCalendarDays(answered, random.int(minDays, maxDays));
    if (receivedOn > asOf) return null;
    const base = previous.row;
    return {
      type: base.type,
      stage,
      framework: previous.importRow.framework,
      receivedOn,
      policyDate: JSON.parse(base.lifecycle).policyDate as IsoDate,
      parent: previous,
      serviceIndex: council.services.findIndex((s) => s.id === base.service_id),
      themeIndex: previous.theme ? council.themes.findIndex((t) => t.id === previous.theme!.theme_id) : null,
      localityIndex: Math.max(
        0,
        council.localities.findIndex((l) => l.id === base.locality_id),
      ),
      channel: base.channel === 'member' ? 'email' : base.channel,
      advocate: base.advocate_supported,
      complex: base.type === 'children_act_complaint' && stage === '2' ? random.chance(0.5) : false,
      person: { name: previous.person.name, email: previous.person.email, role: previous.person.role },
      details: base.details ?? random.pick(DEFAULT_DETAILS),
    };
  };

  const finding = () => weighted(random, LATER_FINDINGS) as Outcome;

  while (made < options.cases) {
    const rootType = weighted(random, ROOT_MIX) as CaseType;
    const receivedOn = pickDay(random, rootType === 'foi_request' ? foiDays : rootDays);
    const chain: SyntheticCase[] = [];
    const emit = (draft: Draft | null, plan: Plan) => {
      if (!draft || made + chain.length >= options.cases) return null;
      const built = build(draft, plan);
      if (built) chain.push(built);
      return built;
    };
    const onTime = random.chance(ON_TIME[rootType]);
    if (rootType === 'children_act_complaint' || rootType === 'corporate_complaint') {
      const stage1Outcome = weighted(random, STAGE1_OUTCOMES[rootType]) as Outcome;
      const first = emit(draftFor(rootType, receivedOn), { decision: null, outcome: stage1Outcome, onTime });
      const found = (outcome: string | null) => outcome === 'upheld' || outcome === 'partly_upheld' || outcome === 'not_upheld';
      if (first && found(first.row.outcome)) {
        if (random.chance(ESCALATION.stage2[rootType])) {
          const decision = weighted(random, STAGE2_DECISIONS);
          const second = emit(nextDraft(first, '2', 3, 30), {
            decision: decision === 'pending' ? null : decision,
            outcome: decision === 'accepted' ? finding() : null,
            onTime: random.chance(0.45),
          });
          if (second && found(second.row.outcome)) {
            if (random.chance(ESCALATION.stage3)) {
              const third = emit(nextDraft(second, '3', 5, 30), {
                decision: weighted(random, STAGE3_DECISIONS),
                outcome: finding(),
                onTime: random.chance(0.6),
              });
              if (third && third.row.outcome && random.chance(ESCALATION.ombudsmanFromStage3)) emitOmbudsman(third);
            } else if (random.chance(ESCALATION.ombudsmanFromStage2)) {
              emitOmbudsman(second);
            }
          }
        } else if (random.chance(ESCALATION.ombudsmanFromStage1)) {
          emitOmbudsman(first, 'premature');
        }
      }
      function emitOmbudsman(previous: SyntheticCase, forced?: OmbudsmanDecision) {
        const decision = forced ?? (weighted(random, OMBUDSMAN_DECISION_MIX) as OmbudsmanDecision);
        const outcome = decision === 'to_be_investigated' ? (weighted(random, OMBUDSMAN_OUTCOME_MIX) as Outcome) : decision;
        emit(nextDraft(previous, 'ombudsman', 10, 120), { decision, outcome, onTime: true });
      }
    } else if (rootType === 'foi_request') {
      const request = emit(draftFor(rootType, receivedOn), {
        decision: null,
        outcome: weighted(random, FOI_OUTCOME_MIX) as Outcome,
        onTime,
      });
      if (
        request &&
        request.row.outcome &&
        request.row.outcome !== 'provided' &&
        request.row.outcome !== 'withdrawn' &&
        random.chance(ESCALATION.foiInternalReview * 2.5)
      ) {
        const review = emit(nextDraft(request, 'internal_review', 5, 50), {
          decision: null,
          outcome: weighted(random, FOI_OUTCOME_MIX) as Outcome,
          onTime: random.chance(0.67),
        });
        if (review && review.row.outcome && random.chance(ESCALATION.foiCommissioner)) {
          emit(nextDraft(review, 'information_commissioner', 10, 80), {
            decision: null,
            outcome: weighted(random, { provided: 30, withheld: 50, partly_provided: 20 }) as Outcome,
            onTime: true,
          });
        }
      }
    } else {
      emit(draftFor(rootType, receivedOn), { decision: null, outcome: null, onTime });
      // Enquiries are answered (no outcome code), compliments thanked.
      const last = chain[chain.length - 1];
      if (last) answerWithoutOutcome(last, onTime);
    }
    for (const item of chain) yield item;
    made += chain.length;
  }

  /** Enquiries and compliments have no outcome: give them a response date against their deadline. */
  function answerWithoutOutcome(item: SyntheticCase, onTime: boolean) {
    const row = item.row;
    const calendar = workingCalendar(row.type);
    let respondedOn: IsoDate;
    if (row.type === 'compliment') respondedOn = addWorkingDays(calendar, row.received_on, random.int(1, 5));
    else if (row.due_on && onTime)
      respondedOn = addWorkingDays(
        calendar,
        row.received_on,
        random.int(1, Math.max(1, workingDaysBetweenSafe(calendar, row.received_on, row.due_on))),
      );
    else if (row.due_on) respondedOn = nextWorkingDayOnOrAfter(calendar, addCalendarDays(row.due_on, random.int(1, 30)));
    else respondedOn = addWorkingDays(calendar, row.received_on, random.int(2, 20));
    if (respondedOn > asOf) return;
    item.importRow.respondedOn = respondedOn;
    const state = importedCaseToState(item.importRow, row.received_on);
    row.responded_on = state.respondedOn;
    row.status = state.status;
    const closeOn = addCalendarDays(respondedOn, 35);
    if (closeOn <= asOf) {
      row.status = 'closed';
      row.closed_on = closeOn;
    }
    row.updated_at = `${row.closed_on ?? respondedOn}T17:00:00.000Z`;
    item.events.push({
      council_id: row.council_id,
      case_id: row.id,
      type: 'responded',
      payload: JSON.stringify({ on: respondedOn, outcome: null }),
      actor_label: 'synthetic',
      occurred_at: `${respondedOn}T15:00:00.000Z`,
    });
  }
}

function workingDaysBetweenSafe(calendar: ReturnType<typeof getCalendar>, from: IsoDate, to: IsoDate): number {
  return to <= from ? 0 : workingDaysBetween(calendar, from, to);
}

/** The import file's cells of a synthetic case (contracts.md "Case import: CSV"). */
export function toImportCells(row: ImportedCase): Record<string, string> {
  const text = (value: string | null) => value ?? '';
  return {
    reference: row.reference,
    type: row.type,
    stage: text(row.stage),
    parent_reference: text(row.parentReference),
    received_on: row.receivedOn,
    framework: row.type === 'foi_request' ? '' : text(row.framework),
    division: text(row.division),
    service: text(row.service),
    theme: text(row.theme),
    locality: text(row.locality),
    started_on: text(row.startedOn),
    complex: row.complex ? 'true' : 'false',
    acknowledged_on: text(row.acknowledgedOn),
    responded_on: text(row.respondedOn),
    decision: text(row.decision),
    outcome: text(row.outcome),
    details: text(row.details),
    remedy: text(row.remedy),
    advocate: row.advocate ? 'true' : 'false',
    channel: text(row.channel),
  };
}

/** One CSV line (RFC 4180 quoting) of `cells` in `columns` order. */
export function toCsvLine(columns: readonly string[], cells: Record<string, string>): string {
  return columns
    .map((column) => {
      const value = cells[column] ?? '';
      return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    })
    .join(',');
}
