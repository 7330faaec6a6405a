/**
 * Deadlines for 1,000,000 cases (issue 3: "in well under a second"). Not a
 * test: figures on shared machines are noisy, so the bench prints them and
 * the ratio against a naive day-by-day count measured in the same run
 * (quality.md: speed is judged as ratios side by side).
 *
 *   node --import tsx packages/domain/bench/deadlines.bench.ts [cases]
 */
import { performance } from 'node:perf_hooks';
import {
  BASE_POLICY,
  computeDeadline,
  computeDueDate,
  createCaseRules,
  fromDayNumber,
  getCalendar,
  listAllUkBankHolidays,
  listBankHolidays,
  toDayNumber,
} from '../src/index';
import type { CaseClockFacts, CaseType, Stage } from '../src/index';

const N = Number(process.argv[2] ?? 1_000_000);
/** The bench reports on stdout (the lint allows console only for errors). */
const print = (line: string) => process.stdout.write(`${line}\n`);

// A deterministic mix of cases received 2019-2029 (xorshift, so every run measures the same work).
let seed = 0x2545f491;
function random(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4_294_967_296;
}
const MIX: { type: CaseType; stage: Stage | null }[] = [
  { type: 'children_act_complaint', stage: '1' },
  { type: 'corporate_complaint', stage: '1' },
  { type: 'mp_enquiry', stage: null },
  { type: 'member_enquiry', stage: null },
  { type: 'general_enquiry', stage: null },
  { type: 'foi_request', stage: 'request' },
];
const first = toDayNumber('2019-01-01');
const span = toDayNumber('2029-12-31') - first;
// Compact inputs, as rows stream from a database cursor: a kind and a day per case.
const kinds = new Uint8Array(N);
const days = new Int32Array(N);
for (let i = 0; i < N; i += 1) {
  kinds[i] = Math.floor(random() * MIX.length);
  days[i] = first + Math.floor(random() * span);
}
function caseAt(i: number): CaseClockFacts {
  const kind = MIX[kinds[i] as number] as (typeof MIX)[number];
  return { type: kind.type, stage: kind.stage, receivedOn: fromDayNumber(days[i] as number) };
}
const rules = createCaseRules(BASE_POLICY);
const ew = getCalendar('england-and-wales');
const foi = getCalendar('foi');

function time(label: string, count: number, body: () => number): { label: string; count: number; ms: number; perSecond: number } {
  body(); // warm up the JIT and the caches
  const start = performance.now();
  const checksum = body();
  const ms = performance.now() - start;
  if (checksum < 0) print(String(checksum)); // keeps the work from being optimised away
  return { label, count, ms, perSecond: Math.round((count / ms) * 1000) };
}

const results = [
  time('reading the inputs alone (baseline)', N, () => {
    let sum = 0;
    for (let i = 0; i < N; i += 1) sum += caseAt(i).receivedOn.length;
    return sum;
  }),
  time('computeDueDate (date, days, calendar)', N, () => {
    let sum = 0;
    for (let i = 0; i < N; i += 1) {
      const c = caseAt(i);
      const isFoi = c.type === 'foi_request';
      sum += computeDueDate({ from: c.receivedOn, days: isFoi ? 20 : 10, unit: 'working', calendar: isFoi ? foi : ew }).length;
    }
    return sum;
  }),
  time('computeDeadline (case, policy), no explanation', N, () => {
    let sum = 0;
    for (let i = 0; i < N; i += 1) {
      const d = computeDeadline(caseAt(i), 'response', rules, { explain: false });
      sum += d.status === 'due' ? d.dueOn.length : 0;
    }
    return sum;
  }),
  time('computeDeadline with its explanation', Math.min(N, 100_000), () => {
    let sum = 0;
    for (let i = 0; i < Math.min(N, 100_000); i += 1) {
      const d = computeDeadline(caseAt(i), 'response', rules);
      sum += d.status === 'due' ? (d.explanation?.skipped.length ?? 0) : 0;
    }
    return sum;
  }),
];

// The naive way: day by day with Date objects and a Set of holidays.
const naiveHolidays = {
  ew: new Set(listBankHolidays('england-and-wales').map((h) => h.date)),
  foi: new Set(listAllUkBankHolidays().map((h) => h.date)),
};
function naiveDue(from: string, days: number, holidays: Set<string>): string {
  const date = new Date(`${from}T12:00:00Z`);
  let counted = 0;
  while (counted < days) {
    date.setUTCDate(date.getUTCDate() + 1);
    const day = date.getUTCDay();
    if (day !== 0 && day !== 6 && !holidays.has(date.toISOString().slice(0, 10))) counted += 1;
  }
  return date.toISOString().slice(0, 10);
}
const naiveCount = Math.min(N, 100_000);
const naive = time('naive day-by-day loop (reference)', naiveCount, () => {
  let sum = 0;
  for (let i = 0; i < naiveCount; i += 1) {
    const c = caseAt(i);
    sum += naiveDue(
      c.receivedOn,
      c.type === 'foi_request' ? 20 : 10,
      c.type === 'foi_request' ? naiveHolidays.foi : naiveHolidays.ew,
    ).length;
  }
  return sum;
});

const rows = [...results, naive];
print(`Deadlines bench: ${N.toLocaleString('en-GB')} cases received 2019-2029, Node ${process.version}\n`);
print('| what | cases | ms | per second | vs naive |');
print('|---|---:|---:|---:|---:|');
for (const r of rows) {
  print(
    `| ${r.label} | ${r.count.toLocaleString('en-GB')} | ${r.ms.toFixed(0)} | ${r.perSecond.toLocaleString('en-GB')} | ${(r.perSecond / naive.perSecond).toFixed(1)}x |`,
  );
}
const full = results[2];
if (full) print(`\n1,000,000 deadlines (case + policy), inputs included: ${((full.ms / full.count) * 1_000_000).toFixed(0)} ms`);
