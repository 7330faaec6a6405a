import { CASE_TYPES, OMBUDSMAN_DECISIONS, OUTCOMES, REQUEST_DECISIONS, STAGES, ZId, ZIsoDate, zChoice } from '@heard/domain';
import { z } from 'zod';

/** The financial year a report is for (1 April `year` to 31 March `year + 1`). */
export const ZReportYear = z.number({ error: 'reports.errors.year' }).int({ error: 'reports.errors.year' }).min(1990, { error: 'reports.errors.year' }).max(2100, { error: 'reports.errors.year' });
export const ZQuarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'reports.errors.quarter' });

export const ZAnnualReportInput = z.object({ year: ZReportYear, asOf: ZIsoDate.optional() }).strict();
export const ZQuarterlyReportInput = z.object({ year: ZReportYear, quarter: ZQuarter, asOf: ZIsoDate.optional() }).strict();
export const ZLearningReportInput = z.object({ year: ZReportYear, quarter: ZQuarter }).strict();

/** The cases behind one figure (the domain's `CellQuery`), as a drill-down link carries it. */
export const ZCellQuery = z
  .object({
    kinds: z.array(z.object({ type: zChoice(CASE_TYPES), stage: zChoice(STAGES).nullable() }).strict()).min(1).max(40),
    by: z.enum(['received', 'answered']),
    from: ZIsoDate,
    to: ZIsoDate,
    framework: z.enum(['statutory', 'corporate']).optional(),
    divisionId: ZId.optional(),
    serviceId: z.union([ZId, z.literal('none')]).optional(),
    themeId: z.union([ZId, z.literal('any')]).optional(),
    outcomes: z.array(zChoice(OUTCOMES)).min(1).max(OUTCOMES.length).optional(),
    decisions: z.array(z.enum([...REQUEST_DECISIONS, ...OMBUDSMAN_DECISIONS, 'none'])).min(1).max(10).optional(),
    measure: z.enum(['response', 'acknowledgement']).optional(),
    advocate: z.literal(true).optional(),
  })
  .strict();

export const ZReportCasesInput = z.object({ query: ZCellQuery, asOf: ZIsoDate }).strict();

/** An uploaded file, as the back-office's upload handler gives it (a web `File`): read as a stream, never whole. */
export type UploadedFile = { name: string; size: number; stream: () => ReadableStream<Uint8Array>; remove?: () => Promise<void> };
const isUploadedFile = (value: unknown): value is UploadedFile => {
  const file = value as Partial<UploadedFile> | null;
  return !!file && typeof file === 'object' && typeof file.name === 'string' && typeof file.size === 'number' && typeof file.stream === 'function';
};

export const ZImportStartInput = z
  .object({
    file: z.custom<UploadedFile>(isUploadedFile, { error: 'reports.errors.fileRequired' }).refine((file) => file.size > 0 || file.name.length > 0, { error: 'reports.errors.fileRequired' }),
    /** The name the person gave the file (the upload handler stores it under another). */
    fileName: z.string().trim().min(1).max(200).optional(),
    dryRun: z.boolean().default(false),
  })
  .strict();

export const ZImportStatusInput = z.object({ id: ZId }).strict();
