import { z } from 'zod';
import { isIsoDate } from '../calendar/iso-date';
import { toFieldErrors } from './field-errors';
import { formatMessage } from './messages';
import type { DomainMessage } from './messages';
import {
  CASE_TYPES,
  CHANNELS,
  COMPLAINT_STAGES,
  FINDINGS,
  FOI_OUTCOMES,
  FOI_STAGES,
  OMBUDSMAN_DECISIONS,
  OMBUDSMAN_OUTCOMES,
  REQUEST_DECISIONS,
  STAGE1_CLOSURES,
} from '../vocabulary';
import type { CaseType, Channel, Outcome, RequestDecision, OmbudsmanDecision, Stage } from '../vocabulary';

/**
 * One row of the historical case import (contracts.md "Case import: CSV"):
 * one row per case stage, every cell a string, an empty cell no value,
 * unknown columns refused. Errors carry the column as their path and a
 * message key, so the import prints `line N: column C: reason`.
 */
export const IMPORT_COLUMNS = [
  'reference',
  'type',
  'stage',
  'parent_reference',
  'received_on',
  'framework',
  'division',
  'service',
  'theme',
  'locality',
  'started_on',
  'complex',
  'acknowledged_on',
  'responded_on',
  'decision',
  'outcome',
  'details',
  'remedy',
  'advocate',
  'channel',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** A valid import row, typed. */
export type ImportedCase = {
  reference: string;
  type: CaseType;
  stage: Stage | null;
  parentReference: string | null;
  receivedOn: string;
  framework: 'statutory' | 'corporate' | null;
  division: string | null;
  service: string | null;
  theme: string | null;
  locality: string | null;
  startedOn: string | null;
  complex: boolean;
  acknowledgedOn: string | null;
  respondedOn: string | null;
  decision: RequestDecision | OmbudsmanDecision | null;
  outcome: Outcome | null;
  details: string | null;
  remedy: string | null;
  advocate: boolean;
  channel: Channel | null;
};

const cell = z.string().optional();
const shape = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, cell])) as Record<ImportColumn, typeof cell>;
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9\-/_.]{0,39}$/;

function isComplaintType(type: string): boolean {
  return type === 'children_act_complaint' || type === 'corporate_complaint';
}

function allowedOutcomes(type: string, stage: string | null): readonly string[] {
  if (type === 'foi_request') return FOI_OUTCOMES;
  if (!isComplaintType(type)) return [];
  if (stage === '1') return [...FINDINGS, ...STAGE1_CLOSURES];
  if (stage === '2' || stage === '3') return [...FINDINGS, 'withdrawn'];
  if (stage === 'ombudsman') return [...OMBUDSMAN_DECISIONS, ...OMBUDSMAN_OUTCOMES];
  return [];
}

function allowedDecisions(type: string, stage: string | null): readonly string[] {
  if (!isComplaintType(type)) return [];
  if (stage === '2' || stage === '3') return REQUEST_DECISIONS;
  if (stage === 'ombudsman') return OMBUDSMAN_DECISIONS;
  return [];
}

/**
 * Validates and types one CSV row (after the header has been read and
 * empty cells dropped or kept as ''). Cross-column rules: stage by type;
 * parent reference for Stage 2, 3 and internal reviews; framework for
 * compliments and enquiries; decisions and outcomes by stage; no date before
 * `received_on`.
 *
 * @example ZCaseImportRow.parse({ reference: 'C-1', type: 'mp_enquiry', received_on: '2023-04-03', framework: 'corporate' })
 */
export const ZCaseImportRow = z
  .object(shape)
  .strict()
  .transform((row, ctx): ImportedCase => {
    const value = (column: ImportColumn): string | null => {
      const raw = row[column];
      return raw === undefined || raw.trim() === '' ? null : raw.trim();
    };
    const problem = (column: ImportColumn, message: string, params?: Record<string, string>) =>
      ctx.addIssue({ code: 'custom', path: [column], message, params });
    const allowed = (column: ImportColumn, values: readonly string[]) => {
      const v = value(column);
      if (v === null) return null;
      if (values.length === 0) {
        problem(column, 'errors.import.mustBeEmpty');
        return null;
      }
      if (!values.includes(v)) {
        problem(column, 'errors.import.allowed', { allowed: values.join(', ') });
        return null;
      }
      return v;
    };
    const date = (column: ImportColumn, required = false) => {
      const v = value(column);
      if (v === null) {
        if (required) problem(column, 'errors.date.required');
        return null;
      }
      if (!isIsoDate(v)) {
        problem(column, 'errors.date.format');
        return null;
      }
      return v;
    };
    const bool = (column: ImportColumn) => {
      const v = value(column);
      if (v === null) return false;
      if (v !== 'true' && v !== 'false') problem(column, 'errors.import.boolean');
      return v === 'true';
    };
    const text = (column: ImportColumn, max: number) => {
      const v = value(column);
      if (v !== null && v.length > max) problem(column, 'errors.text.tooLong', { max: String(max) });
      return v;
    };

    const reference = value('reference');
    if (reference === null) problem('reference', 'errors.required');
    else if (!REFERENCE.test(reference)) problem('reference', 'errors.import.reference');

    const typeValue = value('type');
    if (typeValue === null) problem('type', 'errors.required');
    const type = typeValue === null ? null : (allowed('type', CASE_TYPES) as CaseType | null);

    let stage: Stage | null = null;
    if (type !== null) {
      const stages: readonly string[] = isComplaintType(type) ? COMPLAINT_STAGES : type === 'foi_request' ? FOI_STAGES : [];
      stage = allowed('stage', stages) as Stage | null;
      if (stages.length > 0 && value('stage') === null) problem('stage', 'errors.import.requiredForStage');
    }

    const parentReference = value('parent_reference');
    if (parentReference === null && (stage === '2' || stage === '3' || stage === 'internal_review'))
      problem('parent_reference', 'errors.import.requiredForStage');
    if (parentReference !== null && !REFERENCE.test(parentReference)) problem('parent_reference', 'errors.import.reference');

    const receivedOn = date('received_on', true);

    let framework: 'statutory' | 'corporate' | null = null;
    if (type !== null) {
      if (type === 'foi_request') {
        allowed('framework', []);
      } else {
        framework = allowed('framework', ['statutory', 'corporate']) as 'statutory' | 'corporate' | null;
        if (!isComplaintType(type) && framework === null && value('framework') === null)
          problem('framework', 'errors.import.frameworkRequired');
        const implied = type === 'children_act_complaint' ? 'statutory' : type === 'corporate_complaint' ? 'corporate' : null;
        if (implied && framework !== null && framework !== implied) problem('framework', 'errors.import.allowed', { allowed: implied });
        if (implied) framework = implied;
      }
    }

    const notBeforeReceived = (column: ImportColumn, v: string | null) => {
      if (v !== null && receivedOn !== null && v < receivedOn) problem(column, 'errors.import.dateBeforeReceived');
      return v;
    };
    const startedOn = notBeforeReceived('started_on', date('started_on'));
    const acknowledgedOn = notBeforeReceived('acknowledged_on', date('acknowledged_on'));
    const respondedOn = notBeforeReceived('responded_on', date('responded_on'));
    const decision =
      type === null ? null : (allowed('decision', allowedDecisions(type, stage)) as RequestDecision | OmbudsmanDecision | null);
    const outcome = type === null ? null : (allowed('outcome', allowedOutcomes(type, stage)) as Outcome | null);
    const channel = allowed('channel', CHANNELS) as Channel | null;

    return {
      reference: reference ?? '',
      type: type ?? 'general_enquiry',
      stage,
      parentReference,
      receivedOn: receivedOn ?? '',
      framework,
      division: text('division', 200),
      service: text('service', 200),
      theme: text('theme', 200),
      locality: text('locality', 200),
      startedOn,
      complex: bool('complex'),
      acknowledgedOn,
      respondedOn,
      decision,
      outcome,
      details: text('details', 10000),
      remedy: text('remedy', 10000),
      advocate: bool('advocate'),
      channel,
    };
  });
export type TCaseImportRow = z.input<typeof ZCaseImportRow>;

/** One problem in an import row: its column and why. */
export type ImportError = DomainMessage & { column: string };

/**
 * The problems of a row, one per column (an unknown column is reported under
 * its own name).
 *
 * @example toImportErrors(ZCaseImportRow.safeParse({ colour: 'red' }).error!)
 */
export function toImportErrors(error: z.ZodError): ImportError[] {
  const errors: ImportError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const column of issue.keys) errors.push({ column, key: 'errors.import.unknownColumn', params: {} });
      continue;
    }
    const [fieldError] = toFieldErrors(new z.ZodError([issue]));
    if (fieldError) errors.push({ column: fieldError.path, key: fieldError.key, params: fieldError.params });
  }
  return errors;
}

/**
 * `line N: column C: reason`, as the import prints it (contracts.md), in English.
 *
 * @example formatImportError(7, { column: 'complex', key: 'errors.import.boolean', params: {} }) // 'line 7: column complex: must be true or false'
 */
export function formatImportError(line: number, error: ImportError): string {
  return `line ${line}: column ${error.column}: ${formatMessage('en', error.key, error.params)}`;
}
