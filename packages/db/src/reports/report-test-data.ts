/**
 * Case data for the report tests, written as the import's CSV: rows that
 * reproduce seed 000's tables 2a, 3, 4 and 5 exactly (contracts.md's
 * layout), and small hand-checked cases. Test-only: not exported by the
 * package.
 */

export type CsvRow = Record<string, string>;

export const CSV_COLUMNS = [
  'reference', 'type', 'stage', 'parent_reference', 'received_on', 'framework', 'division', 'service', 'theme', 'locality',
  'started_on', 'complex', 'acknowledged_on', 'responded_on', 'decision', 'outcome', 'details', 'remedy', 'advocate', 'channel',
] as const;

export function toCsv(rows: CsvRow[], columns: readonly string[] = CSV_COLUMNS): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [columns.join(','), ...rows.map((row) => columns.map((c) => quote(row[c] ?? '')).join(','))].join('\n') + '\n';
}

const COLUMNS = [
  { type: 'corporate_complaint', stage: '1' },
  { type: 'children_act_complaint', stage: '1' },
  { type: 'general_enquiry', stage: '' },
  { type: 'mayor_enquiry', stage: '' },
  { type: 'member_enquiry', stage: '' },
  { type: 'mp_enquiry', stage: '' },
  { type: 'chief_executive_enquiry', stage: '' },
] as const;

export const SEED_DIVISIONS = ["Children's Social Care", 'Education Services', 'Families, Quality and Commissioning'] as const;

/** Seed 000 Table 3: [k, n] per quarter (rows) and case column. */
const T3: [number, number][][] = [
  [[8, 15], [6, 22], [0, 5], [3, 3], [14, 15], [18, 22], [0, 1]],
  [[17, 20], [13, 20], [2, 2], [1, 1], [10, 12], [13, 15], [0, 0]],
  [[9, 18], [16, 26], [2, 5], [5, 6], [4, 8], [22, 33], [0, 0]],
  [[15, 40], [16, 32], [2, 5], [2, 2], [10, 12], [13, 26], [1, 2]],
];

/** Seed 000 Table 4: [k, n] per division (rows, A-Z) and case column. */
const T4: [number, number][][] = [
  [[3, 20], [42, 87], [2, 6], [2, 2], [11, 14], [12, 21], [0, 0]],
  [[45, 64], [5, 6], [4, 8], [9, 10], [24, 28], [52, 71], [1, 3]],
  [[1, 9], [4, 7], [0, 3], [0, 0], [3, 5], [2, 4], [0, 0]],
];

/** Seed 000 Table 5: Not upheld, Partly upheld, Upheld, Resolved on receipt; corporate then Children Act. */
const T5 = { corporate_complaint: [18, 13, 44, 2], children_act_complaint: [40, 23, 35, 1] } as const;
const T5_OUTCOMES = ['not_upheld', 'partly_upheld', 'upheld', 'resolved_on_receipt'] as const;

/** The first day of each quarter of 2023-2024; receipts are spread over the next 40 days, answers come 1 or 30 days later. */
const QUARTER_STARTS = ['2023-04-03', '2023-07-03', '2023-10-02', '2024-01-08'];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Splits `rows` totals over `columns` capacities, first come first served (the north-west corner rule). */
function distribute(rowTotals: number[], columnTotals: number[]): number[][] {
  const left = [...columnTotals];
  return rowTotals.map((total) => {
    let remaining = total;
    return left.map((capacity, j) => {
      const take = Math.min(capacity, remaining);
      left[j] = capacity - take;
      remaining -= take;
      return take;
    });
  });
}

/**
 * 368 Stage 1 complaints and enquiries received in 2023-2024 whose report
 * must show seed 000's Tables 2a, 3, 4 and 5 (with the contract's column
 * names). Each case is answered the day after receipt (on time) or 30 days
 * after (late: more than 10 working days, whatever the holidays).
 */
export function seed000Rows(): CsvRow[] {
  const rows: CsvRow[] = [];
  const outcomeQueue: Record<string, string[]> = {};
  for (const type of ['corporate_complaint', 'children_act_complaint'] as const) {
    outcomeQueue[type] = T5_OUTCOMES.flatMap((outcome, i) => Array<string>(T5[type][i]!).fill(outcome));
  }
  let serial = 0;
  COLUMNS.forEach((column, c) => {
    const onTime = distribute(T3.map((q) => q[c]![0]), T4.map((d) => d[c]![0]));
    const late = distribute(T3.map((q) => q[c]![1] - q[c]![0]), T4.map((d) => d[c]![1] - d[c]![0]));
    for (let q = 0; q < 4; q += 1) {
      let day = 0;
      for (let d = 0; d < 3; d += 1) {
        for (const [count, answeredAfter] of [[onTime[q]![d]!, 1], [late[q]![d]!, 30]] as const) {
          for (let i = 0; i < count; i += 1) {
            serial += 1;
            const receivedOn = addDays(QUARTER_STARTS[q]!, day % 40);
            day += 1;
            const queue = outcomeQueue[column.type];
            rows.push({
              reference: `S0-${String(serial).padStart(4, '0')}`,
              type: column.type,
              stage: column.stage,
              received_on: receivedOn,
              framework: column.type.endsWith('_enquiry') ? 'corporate' : '',
              division: SEED_DIVISIONS[d]!,
              responded_on: addDays(receivedOn, answeredAfter),
              // Complaints beyond Table 5's count closed by local resolution (not in Table 5).
              outcome: queue ? (queue.shift() ?? 'local_resolution') : '',
            });
          }
        }
      }
    }
  });
  return rows;
}

const cells = (rows: [number, number][][]) => rows.map((row) => row.map(([k, n]) => (n === 0 ? '0' : `${Math.floor((100 * k) / n)}% (${k}/${n})`)));

/** Seed 000's tables, written down by hand, under the contract's column names. */
export const SEED_000_TABLES = {
  'cases-by-quarter': {
    columns: ['Period', 'Corporate Stage 1', 'Children Act Stage 1', 'General enquiry', 'Mayor enquiry', 'Member enquiry', 'MP enquiry', 'Chief Executive enquiry', 'Total'],
    rows: [
      ['Q1', '15', '22', '5', '3', '15', '22', '1', '83'],
      ['Q2', '20', '20', '2', '1', '12', '15', '0', '70'],
      ['Q3', '18', '26', '5', '6', '8', '33', '0', '96'],
      ['Q4', '40', '32', '5', '2', '12', '26', '2', '119'],
      ['Total', '93', '100', '17', '12', '47', '96', '3', '368'],
    ],
  },
  'on-time-by-quarter': {
    columns: ['Period', 'Corporate Stage 1', 'Children Act Stage 1', 'General enquiry', 'Mayor enquiry', 'Member enquiry', 'MP enquiry', 'Chief Executive enquiry'],
    rows: [
      ['Q1', '53% (8/15)', '27% (6/22)', '0% (0/5)', '100% (3/3)', '93% (14/15)', '81% (18/22)', '0% (0/1)'],
      ['Q2', '85% (17/20)', '65% (13/20)', '100% (2/2)', '100% (1/1)', '83% (10/12)', '86% (13/15)', '0'],
      ['Q3', '50% (9/18)', '61% (16/26)', '40% (2/5)', '83% (5/6)', '50% (4/8)', '66% (22/33)', '0'],
      ['Q4', '37% (15/40)', '50% (16/32)', '40% (2/5)', '100% (2/2)', '83% (10/12)', '50% (13/26)', '50% (1/2)'],
    ],
  },
  'on-time-by-division': {
    columns: ['Division', 'Corporate Stage 1', 'Children Act Stage 1', 'General enquiry', 'Mayor enquiry', 'Member enquiry', 'MP enquiry', 'Chief Executive enquiry'],
    rows: [
      ["Children's Social Care", '15% (3/20)', '48% (42/87)', '33% (2/6)', '100% (2/2)', '78% (11/14)', '57% (12/21)', '0'],
      ['Education Services', '70% (45/64)', '83% (5/6)', '50% (4/8)', '90% (9/10)', '85% (24/28)', '73% (52/71)', '33% (1/3)'],
      ['Families, Quality and Commissioning', '11% (1/9)', '57% (4/7)', '0% (0/3)', '0', '60% (3/5)', '50% (2/4)', '0'],
    ],
  },
  'stage1-outcomes': {
    columns: ['Outcome', 'Corporate Stage 1', 'Children Act Stage 1', 'Total', '%'],
    rows: [
      ['Not upheld', '18', '40', '58', '33%'],
      ['Partly upheld', '13', '23', '36', '20%'],
      ['Upheld', '44', '35', '79', '45%'],
      ['Resolved on receipt', '2', '1', '3', '2%'],
      ['Total', '77', '99', '176', ''],
    ],
  },
} as const;

/** The same cells, computed from the [k, n] tables above (a check on the hand-written ones). */
export const SEED_000_COMPUTED = { onTimeByQuarter: cells(T3), onTimeByDivision: cells(T4) };

/**
 * Rows for every other table of the report (Stage 2 and 3, the Ombudsman,
 * compliments, advocacy, FOI, earlier years), linked to seed000Rows' Stage 1
 * complaints (S0-0001 is corporate, S0-0100 Children Act) without changing
 * seed 000's Tables 2a, 3, 4 and 5.
 */
export function otherTableRows(): CsvRow[] {
  const send = { division: 'Education Services', service: 'Integrated SEND Services' };
  return [
    { reference: 'S2-1', type: 'children_act_complaint', stage: '2', parent_reference: 'S0-0100', received_on: '2023-06-01', started_on: '2023-06-05', decision: 'accepted', responded_on: '2023-07-20', outcome: 'upheld', advocate: 'true', division: "Children's Social Care" },
    { reference: 'S2-2', type: 'corporate_complaint', stage: '2', parent_reference: 'S0-0001', received_on: '2023-06-02', decision: 'rejected', ...send },
    { reference: 'S2-3', type: 'corporate_complaint', stage: '2', parent_reference: 'S0-0002', received_on: '2023-07-03', decision: 'withdrawn', ...send },
    { reference: 'S2-4', type: 'corporate_complaint', stage: '2', parent_reference: 'S0-0003', received_on: '2023-08-01', decision: 'resolved_by_adr', ...send },
    { reference: 'S2-5', type: 'corporate_complaint', stage: '2', parent_reference: 'S0-0004', received_on: '2023-05-02', decision: 'accepted', responded_on: '2023-05-30', outcome: 'not_upheld', ...send },
    { reference: 'S3-1', type: 'corporate_complaint', stage: '3', parent_reference: 'S2-5', received_on: '2023-06-12', decision: 'accepted', responded_on: '2023-11-01', outcome: 'upheld', details: 'Delay and fault in completing an education health and care needs assessment', remedy: 'Enforce policy or procedure', ...send },
    { reference: 'OM-1', type: 'corporate_complaint', stage: 'ombudsman', parent_reference: 'S3-1', received_on: '2023-12-04', decision: 'to_be_investigated', division: 'Education Services', service: 'SEN team' },
    { reference: 'OM-2', type: 'corporate_complaint', stage: 'ombudsman', received_on: '2024-01-15', decision: 'to_be_investigated', division: 'Education Services', service: 'SEN team' },
    { reference: 'OM-3', type: 'corporate_complaint', stage: 'ombudsman', received_on: '2022-11-01', responded_on: '2023-12-01', outcome: 'fault_causing_injustice', details: 'Failure to complete the annual review process following the review meeting.', remedy: 'Apology; a payment of £150', division: 'Education Services', service: 'Integrated Services & SEND' },
    { reference: 'CO-1', type: 'compliment', received_on: '2023-05-01', framework: 'corporate' },
    { reference: 'CO-2', type: 'compliment', received_on: '2023-09-01', framework: 'statutory' },
    { reference: 'CO-3', type: 'compliment', received_on: '2022-09-01', framework: 'statutory' },
    { reference: 'FOI-1', type: 'foi_request', stage: 'request', received_on: '2023-04-03', responded_on: '2023-04-20', outcome: 'provided' },
    { reference: 'FOI-2', type: 'foi_request', stage: 'request', received_on: '2023-04-04', responded_on: '2023-06-01', outcome: 'withheld' },
    { reference: 'FOI-3', type: 'foi_request', stage: 'internal_review', parent_reference: 'FOI-2', received_on: '2023-06-15', responded_on: '2023-07-03', outcome: 'partly_provided' },
    { reference: 'FOI-4', type: 'foi_request', stage: 'information_commissioner', parent_reference: 'FOI-3', received_on: '2023-08-01' },
    { reference: 'FOI-5', type: 'foi_request', stage: 'request', received_on: '2022-10-03', responded_on: '2022-10-10', outcome: 'not_held' },
    { reference: 'P-1', type: 'corporate_complaint', stage: '1', received_on: '2022-05-03', responded_on: '2022-05-10', outcome: 'upheld', theme: 'Speed of Service', ...send },
  ];
}
