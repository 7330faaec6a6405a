import { sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import {
  buildReport,
  reportPeriod,
  reportWindowStart,
  type BuiltReport,
  type CaseType,
  type CellQuery,
  type CompletedCase,
  type IsoDate,
  type ReportAggregates,
  type ReportPeriodRequest,
  type Stage,
} from '@heard/domain';
import type { Database } from '../schema/tables';

/**
 * The statutory reports' figures, aggregated in the database: a handful of
 * GROUP BY queries with FILTER clauses over one council's cases (never the
 * cases themselves in JavaScript), then laid out by `buildReport` in
 * @heard/domain. Timeliness compares each case's stored deadline (computed
 * by the domain when the case was created or imported, under the policy in
 * force when it was received) with the date it was answered.
 *
 * "Answered" is the date of the response, else of the closure (a withdrawn
 * case is no longer waiting). As of `asOf`: cases received after it do not
 * exist yet, and an answer after it is not known yet.
 */

type Db = Kysely<Database>;

const COMPLAINTS = ['children_act_complaint', 'corporate_complaint'] as const;
const FINDINGS = ['upheld', 'partly_upheld', 'not_upheld'] as const;

/** The date a case was answered: its response, else its closure. */
const ANSWERED = sql`coalesce(c.responded_on, c.closed_on)`;

/**
 * Answered between two dates, written on the plain columns (the same as
 * `ANSWERED between`) so that the planner estimates it from their statistics
 * and uses the `responded_on` index only when it pays.
 */
function answeredBetween(from: IsoDate, to: IsoDate) {
  return sql`(c.responded_on between ${from}::date and ${to}::date or (c.responded_on is null and c.closed_on between ${from}::date and ${to}::date))`;
}

/** Counted in a timeliness table as of `asOf`: answered on or before the deadline. */
function onTime(answered: RawBuilder<unknown>, due: RawBuilder<unknown>, asOf: IsoDate) {
  return sql`(${due} is not null and ${answered} <= ${asOf}::date and ${answered} <= ${due})`;
}

/** Counted as late as of `asOf`: answered after the deadline, or still unanswered with the deadline before `asOf`. */
function late(answered: RawBuilder<unknown>, due: RawBuilder<unknown>, asOf: IsoDate) {
  return sql`(${due} is not null and ((${answered} <= ${asOf}::date and ${answered} > ${due}) or ((${answered} is null or ${answered} > ${asOf}::date) and ${due} < ${asOf}::date)))`;
}

/** A complaint made with an advocate's support: the first stage that had one (a young person is counted once per complaint). */
const NEW_ADVOCATE_COMPLAINT = sql`c.advocate_supported and c.type in ('children_act_complaint', 'corporate_complaint')
  and not exists (select 1 from cases p where p.id = c.parent_case_id and p.advocate_supported)`;

const RESPONSE_DUE = sql`c.due_on`;
const ACK_DUE = sql`c.acknowledgement_due_on`;
/** A full response acknowledges a complaint too. */
const ACKNOWLEDGED = sql`least(c.acknowledged_on, coalesce(c.responded_on, c.closed_on))`;

/** The statements the report runs, compiled: the repository runs them, and the benchmark runs them bare. */
export function reportQueries(db: Db, councilId: string, request: ReportPeriodRequest, asOf: IsoDate) {
  const period = reportPeriod(request);
  const windowStart = reportWindowStart(request);
  const receivedTo = period.to < asOf ? period.to : asOf;
  const answeredTo = receivedTo;
  const complaintTypes = sql.join(COMPLAINTS.map((t) => sql.lit(t)));
  const findings = sql.join(FINDINGS.map((f) => sql.lit(f)));

  const received = sql<{
    type: CaseType;
    stage: Stage | null;
    framework: string;
    month: IsoDate;
    division_id: string | null;
    decision: string | null;
    count: number;
    on_time: number;
    late: number;
    ack_on_time: number;
    ack_late: number;
    advocates: number;
  }>`
    select c.type, c.stage, c.framework, date_trunc('month', c.received_on::timestamp)::date as month,
      coalesce(c.division_id, s.division_id) as division_id, c.decision,
      count(*)::int as count,
      count(*) filter (where ${onTime(ANSWERED, RESPONSE_DUE, asOf)})::int as on_time,
      count(*) filter (where ${late(ANSWERED, RESPONSE_DUE, asOf)})::int as late,
      count(*) filter (where ${onTime(ACKNOWLEDGED, ACK_DUE, asOf)})::int as ack_on_time,
      count(*) filter (where ${late(ACKNOWLEDGED, ACK_DUE, asOf)})::int as ack_late,
      count(*) filter (where ${NEW_ADVOCATE_COMPLAINT})::int as advocates
    from cases c left join services s on s.id = c.service_id
    where c.council_id = ${councilId} and c.received_on between ${windowStart}::date and ${receivedTo}::date
    group by 1, 2, 3, 4, 5, 6`;

  const answered = sql<{ type: CaseType; stage: Stage | null; outcome: string | null; count: number }>`
    select c.type, c.stage, c.outcome, count(*)::int as count
    from cases c
    where c.council_id = ${councilId} and ${answeredBetween(period.from, answeredTo)}
    group by 1, 2, 3`;

  const themeOutcomes = sql<{ theme_id: string | null; outcome: string; count: number }>`
    select ct.theme_id, c.outcome, count(distinct c.id)::int as count
    from cases c join case_themes ct on ct.case_id = c.id
    where c.council_id = ${councilId} and c.type in (${complaintTypes}) and c.stage = '1' and c.outcome in (${findings})
      and ${answeredBetween(period.from, answeredTo)}
    group by grouping sets ((ct.theme_id, c.outcome), (c.outcome))`;

  // A left join: a service whose complaints carry no theme is still a row of
  // `service-theme` (contracts.md: each service with Stage 1 complaints received).
  const serviceThemes = sql<{ service_id: string; theme_id: string | null; count: number }>`
    select c.service_id, ct.theme_id, count(*)::int as count
    from cases c left join case_themes ct on ct.case_id = c.id
    where c.council_id = ${councilId} and c.type in (${complaintTypes}) and c.stage = '1' and c.service_id is not null
      and c.received_on between ${period.from}::date and ${receivedTo}::date
    group by 1, 2`;

  const ombudsmanReceived = sql<{ type: 'children_act_complaint' | 'corporate_complaint'; service_id: string | null; decision: string | null; count: number }>`
    select c.type, c.service_id, c.decision, count(*)::int as count
    from cases c
    where c.council_id = ${councilId} and c.type in (${complaintTypes}) and c.stage = 'ombudsman'
      and c.received_on between ${period.from}::date and ${receivedTo}::date
    group by 1, 2, 3`;

  const completed = sql<{
    id: string;
    reference: string;
    type: 'children_act_complaint' | 'corporate_complaint';
    stage: string;
    service_id: string | null;
    details: string | null;
    outcome: string | null;
    decision: string | null;
    remedy: string | null;
  }>`
    select c.id, c.reference, c.type, c.stage, c.service_id, c.details, c.outcome, c.decision, c.remedy
    from cases c
    where c.council_id = ${councilId} and c.type in (${complaintTypes}) and c.stage in ('3', 'ombudsman')
      and ${answeredBetween(period.from, answeredTo)}
    order by ${ANSWERED}, c.reference`;

  const names = sql<{ kind: 'division' | 'service' | 'theme'; id: string; name: string; active: boolean }>`
    select 'division' as kind, id, name, active from divisions where council_id = ${councilId}
    union all select 'service', id, name, active from services where council_id = ${councilId}
    union all select 'theme', id, name, active from themes where council_id = ${councilId}`;

  return {
    received: received.compile(db),
    answered: answered.compile(db),
    themeOutcomes: themeOutcomes.compile(db),
    serviceThemes: serviceThemes.compile(db),
    ombudsmanReceived: ombudsmanReceived.compile(db),
    completed: completed.compile(db),
    names: names.compile(db),
  };
}

async function rows<R>(db: Db, query: CompiledQuery<R>): Promise<R[]> {
  return (await db.executeQuery(query)).rows;
}

/** A case a drill-down lists. */
export type ReportCase = {
  id: string;
  reference: string;
  type: CaseType;
  stage: Stage | null;
  status: string;
  receivedOn: IsoDate;
  dueOn: IsoDate | null;
  answeredOn: IsoDate | null;
  outcome: string | null;
  decision: string | null;
  /** For a timeliness figure: how this case counts in it. */
  timeliness: 'on_time' | 'late' | null;
};

/** A learning report for one quarter (issue 6): themes found, actions taken, complainants told. */
export type LearningReport = {
  themes: { themeId: string; theme: string; upheld: number; partlyUpheld: number }[];
  actions: {
    id: string;
    caseId: string;
    reference: string;
    description: string;
    owner: string | null;
    dueOn: IsoDate | null;
    status: string;
    completedOn: IsoDate | null;
    complainantToldOn: IsoDate | null;
  }[];
  counts: { open: number; done: number; told: number; notTold: number };
};

/**
 * Reports of one council. Works on the owner connection (the command line,
 * with `councilId` selecting the council) and inside an app transaction,
 * where row-level security also narrows what the viewer may see.
 */
export function reportRepository(db: Db) {
  return {
    async aggregate(councilId: string, request: ReportPeriodRequest, asOf: IsoDate): Promise<ReportAggregates> {
      const q = reportQueries(db, councilId, request, asOf);
      const received = await rows(db, q.received);
      const answered = await rows(db, q.answered);
      const themeOutcomes = await rows(db, q.themeOutcomes);
      const serviceThemes = await rows(db, q.serviceThemes);
      const ombudsmanReceived = await rows(db, q.ombudsmanReceived);
      const completed = await rows(db, q.completed);
      const nameRows = await rows(db, q.names);
      const usedThemes = new Set([...themeOutcomes.map((r) => r.theme_id), ...serviceThemes.map((r) => r.theme_id)]);
      const names: ReportAggregates['names'] = { divisions: {}, services: {}, themes: {} };
      for (const row of nameRows) {
        if (row.kind === 'division') names.divisions[row.id] = row.name;
        else if (row.kind === 'service') names.services[row.id] = row.name;
        else if (row.active || usedThemes.has(row.id)) names.themes[row.id] = row.name;
      }
      const toCompleted = (r: (typeof completed)[number]): CompletedCase => ({
        id: r.id,
        reference: r.reference,
        type: r.type,
        serviceId: r.service_id,
        details: r.details,
        outcome: r.outcome,
        decision: r.decision,
        remedy: r.remedy,
      });
      return {
        received: received.map((r) => ({
          type: r.type,
          stage: r.stage,
          framework: r.framework,
          month: r.month,
          divisionId: r.division_id,
          decision: r.decision,
          count: r.count,
          onTime: r.on_time,
          late: r.late,
          acknowledgedOnTime: r.ack_on_time,
          acknowledgedLate: r.ack_late,
        })),
        answered: answered.map((r) => ({ type: r.type, stage: r.stage, outcome: r.outcome, count: r.count })),
        themeOutcomes: themeOutcomes.map((r) => ({ themeId: r.theme_id, outcome: r.outcome, count: r.count })),
        serviceThemes: serviceThemes.map((r) => ({ serviceId: r.service_id, themeId: r.theme_id, count: r.count })),
        ombudsmanReceived: ombudsmanReceived.map((r) => ({ type: r.type, serviceId: r.service_id, decision: r.decision, count: r.count })),
        stage3Completed: completed.filter((r) => r.stage === '3').map(toCompleted),
        ombudsmanCompleted: completed.filter((r) => r.stage === 'ombudsman').map(toCompleted),
        advocacy: received.filter((r) => r.month >= reportPeriod(request).from && r.month <= reportPeriod(request).to).reduce((sum, r) => sum + r.advocates, 0),
        names,
      };
    },

    /** Every table of the report, with the drill-down query of each number. */
    async build(councilId: string, request: ReportPeriodRequest, asOf: IsoDate): Promise<BuiltReport> {
      return buildReport(request, asOf, await this.aggregate(councilId, request, asOf));
    },

    /** The cases one figure counts (up to `limit`), and how many there are. */
    async listCases(councilId: string, query: CellQuery, asOf: IsoDate, limit = 500): Promise<{ total: number; cases: ReportCase[] }> {
      const where = cellWhere(councilId, query, asOf);
      const timeliness =
        query.measure === undefined
          ? sql<string | null>`null`
          : query.measure === 'response'
            ? sql<string | null>`case when ${onTime(ANSWERED, RESPONSE_DUE, asOf)} then 'on_time' else 'late' end`
            : sql<string | null>`case when ${onTime(ACKNOWLEDGED, ACK_DUE, asOf)} then 'on_time' else 'late' end`;
      const list = await sql<{
        id: string;
        reference: string;
        type: CaseType;
        stage: Stage | null;
        status: string;
        received_on: IsoDate;
        due_on: IsoDate | null;
        answered_on: IsoDate | null;
        outcome: string | null;
        decision: string | null;
        timeliness: 'on_time' | 'late' | null;
        total: number;
      }>`
        select c.id, c.reference, c.type, c.stage, c.status, c.received_on, c.due_on, ${ANSWERED} as answered_on,
          c.outcome, c.decision, ${timeliness} as timeliness, count(*) over ()::int as total
        from cases c left join services s on s.id = c.service_id
        where ${where}
        order by c.received_on, c.reference
        limit ${limit}`.execute(db);
      return {
        total: list.rows[0]?.total ?? 0,
        cases: list.rows.map((r) => ({
          id: r.id,
          reference: r.reference,
          type: r.type,
          stage: r.stage,
          status: r.status,
          receivedOn: r.received_on,
          dueOn: r.due_on,
          answeredOn: r.answered_on,
          outcome: r.outcome,
          decision: r.decision,
          timeliness: r.timeliness,
        })),
      };
    },

    /** Every case a drill-down listed is a read of that case: one audit row each, written in one statement. */
    async recordReads(entry: { councilId: string; caseIds: string[]; actorUserId: string | null; detail: string; ip: string | null }): Promise<void> {
      if (entry.caseIds.length === 0) return;
      await sql`
        insert into audit_log (council_id, case_id, actor_user_id, actor_label, action, detail, ip)
        select ${entry.councilId}::uuid, id, ${entry.actorUserId}::uuid, 'staff', 'read', ${entry.detail}, ${entry.ip}
        from unnest(${entry.caseIds}::uuid[]) as id`.execute(db);
    },

    /** The quarterly learning report: themes upheld, learning actions and whether complainants were told. */
    async learning(councilId: string, from: IsoDate, to: IsoDate): Promise<LearningReport> {
      const complaintTypes = sql.join(COMPLAINTS.map((t) => sql.lit(t)));
      const themes = await sql<{ theme_id: string; name: string; upheld: number; partly_upheld: number }>`
        select t.id as theme_id, t.name,
          count(*) filter (where c.outcome = 'upheld')::int as upheld,
          count(*) filter (where c.outcome = 'partly_upheld')::int as partly_upheld
        from cases c join case_themes ct on ct.case_id = c.id join themes t on t.id = ct.theme_id
        where c.council_id = ${councilId} and c.type in (${complaintTypes}) and c.outcome in ('upheld', 'partly_upheld')
          and ${answeredBetween(from, to)}
        group by t.id, t.name
        order by t.name`.execute(db);
      const actions = await sql<{
        id: string;
        case_id: string;
        reference: string;
        description: string;
        owner: string | null;
        due_on: IsoDate | null;
        status: string;
        completed_on: IsoDate | null;
        complainant_told_on: IsoDate | null;
      }>`
        select a.id, a.case_id, c.reference, a.description, coalesce(a.owner_name, u.display_name) as owner, a.due_on, a.status,
          a.completed_on, a.complainant_told_on
        from learning_actions a join cases c on c.id = a.case_id left join users u on u.id = a.owner_user_id
        where a.council_id = ${councilId} and a.status <> 'cancelled'
          and (${answeredBetween(from, to)}
            or a.due_on between ${from}::date and ${to}::date
            or a.completed_on between ${from}::date and ${to}::date)
        order by a.status = 'done', a.due_on nulls last, c.reference`.execute(db);
      const list = actions.rows.map((a) => ({
        id: a.id,
        caseId: a.case_id,
        reference: a.reference,
        description: a.description,
        owner: a.owner,
        dueOn: a.due_on,
        status: a.status,
        completedOn: a.completed_on,
        complainantToldOn: a.complainant_told_on,
      }));
      return {
        themes: themes.rows.map((t) => ({ themeId: t.theme_id, theme: t.name, upheld: t.upheld, partlyUpheld: t.partly_upheld })),
        actions: list,
        counts: {
          open: list.filter((a) => a.status !== 'done').length,
          done: list.filter((a) => a.status === 'done').length,
          told: list.filter((a) => a.complainantToldOn !== null).length,
          notTold: list.filter((a) => a.status === 'done' && a.complainantToldOn === null).length,
        },
      };
    },
  };
}

/** The WHERE clause of a drill-down: the same predicates as the aggregates, for one figure. */
function cellWhere(councilId: string, query: CellQuery, asOf: IsoDate) {
  const parts = [sql`c.council_id = ${councilId}`];
  parts.push(sql`(${sql.join(query.kinds.map((k) => sql`(c.type = ${k.type} and c.stage is not distinct from ${k.stage})`), sql` or `)})`);
  if (query.by === 'received') parts.push(sql`c.received_on between ${query.from}::date and ${query.to}::date and c.received_on <= ${asOf}::date`);
  else parts.push(sql`${answeredBetween(query.from, query.to < asOf ? query.to : asOf)}`);
  if (query.framework) parts.push(sql`c.framework = ${query.framework}`);
  if (query.divisionId) parts.push(sql`coalesce(c.division_id, s.division_id) = ${query.divisionId}::uuid`);
  if (query.serviceId === 'none') parts.push(sql`c.service_id is null`);
  else if (query.serviceId) parts.push(sql`c.service_id = ${query.serviceId}::uuid`);
  if (query.themeId === 'any') parts.push(sql`exists (select 1 from case_themes ct where ct.case_id = c.id)`);
  else if (query.themeId) parts.push(sql`exists (select 1 from case_themes ct where ct.case_id = c.id and ct.theme_id = ${query.themeId}::uuid)`);
  if (query.outcomes) parts.push(sql`c.outcome in (${sql.join(query.outcomes)})`);
  if (query.decisions) {
    const named = query.decisions.filter((d) => d !== 'none');
    const decisionParts = [...(named.length > 0 ? [sql`c.decision in (${sql.join(named)})`] : []), ...(query.decisions.includes('none') ? [sql`c.decision is null`] : [])];
    parts.push(sql`(${sql.join(decisionParts, sql` or `)})`);
  }
  if (query.measure === 'response') parts.push(sql`(${onTime(ANSWERED, RESPONSE_DUE, asOf)} or ${late(ANSWERED, RESPONSE_DUE, asOf)})`);
  if (query.measure === 'acknowledgement') parts.push(sql`(${onTime(ACKNOWLEDGED, ACK_DUE, asOf)} or ${late(ACKNOWLEDGED, ACK_DUE, asOf)})`);
  if (query.advocate) {
    parts.push(NEW_ADVOCATE_COMPLAINT);
  }
  return sql.join(parts, sql` and `);
}
