import { toUkDate, formatDate, ZSubjectAccessQuery } from '@heard/domain';
import { recordAudit, staffProcedureWith } from '../../../trpc';
import { buildSubjectAccessZip } from './archive';
import { collectSubject, criteriaOf } from './collect';

/**
 * Subject access, step two: everything held about the person as a zip
 * (README.txt in their language, JSON per case, messages, letters and the
 * documents themselves). The export and each case in it are audited as
 * exports. The zip comes back as base64, so the answer is the same JSON
 * whether the API is called in-process or over HTTP; the file name carries
 * no personal data.
 */
export const exportSubject = staffProcedureWith('export:subject-access:any')
  .input(ZSubjectAccessQuery)
  .mutation(async ({ ctx, input }) => {
    const data = await collectSubject(ctx, input);
    await recordAudit(ctx, { action: 'export', detail: `staff.subjectAccess.export (${criteriaOf(input)})` });
    for (const found of data.cases) await recordAudit(ctx, { action: 'export', caseId: found.id, detail: 'staff.subjectAccess.export' });
    const today = toUkDate(ctx.now());
    const council = data.language === 'cy' ? (ctx.council.nameCy ?? ctx.council.name) : ctx.council.name;
    const zip = buildSubjectAccessZip(data, {
      language: data.language,
      council,
      date: formatDate(today, data.language, { weekday: false }),
    });
    return {
      fileName: `subject-access-${ctx.council.slug}-${today}.zip`,
      contentType: 'application/zip' as const,
      base64: Buffer.from(zip).toString('base64'),
      cases: data.cases.length,
      language: data.language,
    };
  });
