import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { REPORT_SECTIONS, type StatutoryReport } from '@heard/domain';

/**
 * The report in each format of `heard report --format` (contracts.md): every
 * format carries the same tables with the same cell strings as the JSON.
 */

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ReportDocument = StatutoryReport & { council: string };

export function renderJson(report: StatutoryReport): string {
  return JSON.stringify({ report: report.report, period: report.period, asOf: report.asOf, tables: report.tables }, null, 2);
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || /^[=+\-@\t\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * All the tables in one CSV file: for each, a line with its id and title,
 * its column headings, its rows, then a blank line. RFC 4180 quoting.
 */
export function renderCsv(report: StatutoryReport): string {
  const lines: string[] = [];
  for (const table of report.tables) {
    lines.push([table.id, table.title].map(csvCell).join(','));
    lines.push(table.columns.map(csvCell).join(','));
    for (const row of table.rows) lines.push(row.map(csvCell).join(','));
    lines.push('');
  }
  return lines.join('\r\n');
}

/** A cell that is a plain count goes into the workbook as a number; every other cell as its text. */
export function isPlainCount(cell: string): boolean {
  return /^(0|[1-9]\d{0,14})$/.test(cell);
}

/** One sheet per table (named by its id): its title, its column headings, its rows. */
export async function renderXlsx(report: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Heard';
  workbook.title = `${report.council}: ${report.report} report ${report.period.label}`;
  for (const table of report.tables) {
    const sheet = workbook.addWorksheet(table.id);
    sheet.addRow([table.title]).font = { bold: true, size: 14 };
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => (isPlainCount(cell) ? Number(cell) : cell)));
    sheet.columns.forEach((column, index) => {
      const widths = [table.columns[index] ?? '', ...table.rows.map((r) => r[index] ?? '')].map((v) => Math.min(v.length, 60));
      column.width = Math.max(10, ...widths) + 2;
    });
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
  body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 2rem; line-height: 1.4; }
  h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
  h2 { font-size: 1.4rem; margin-top: 2rem; border-top: 2px solid #0b0c0c; padding-top: 0.5rem; }
  table { border-collapse: collapse; margin: 1rem 0 1.5rem; width: 100%; font-size: 0.85rem; page-break-inside: avoid; }
  caption { text-align: left; font-weight: bold; font-size: 1rem; padding-bottom: 0.4rem; }
  th, td { border-bottom: 1px solid #b1b4b6; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  thead th { border-bottom: 2px solid #0b0c0c; }
  @page { size: A4; margin: 15mm; }
  @media print { body { margin: 0; } h2 { page-break-before: auto; } }`;

/**
 * A printable report with the seed report's structure: summary, Stage 1,
 * Stage 2, Stage 3, Ombudsman, advocacy, FOI.
 */
export function renderHtml(report: ReportDocument): string {
  const byId = new Map(report.tables.map((t) => [t.id, t]));
  const heading = `${report.report === 'annual' ? 'Annual' : 'Quarterly'} report on compliments, complaints, enquiries and FOI requests`;
  const sections = REPORT_SECTIONS.map((section, index) => {
    const tables = section.tables
      .map((id) => byId.get(id))
      .filter((t) => t !== undefined)
      .map((table) => {
        const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
        const body = table.rows
          .map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td${isPlainCount(cell) ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`)).join('')}</tr>`)
          .join('\n');
        return `<table id="${table.id}">\n<caption>${escapeHtml(table.title)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
      })
      .join('\n');
    return `<section id="${section.id}">\n<h2>${index + 1}. ${escapeHtml(section.title)}</h2>\n${tables}\n</section>`;
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${report.council}: ${heading}, ${report.period.label}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p>${escapeHtml(report.council)}</p>
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(report.period.label)}: ${escapeHtml(report.period.from)} to ${escapeHtml(report.period.to)}. Figures as of ${escapeHtml(report.asOf)}, from Heard's live data.</p>
</header>
<main>
${sections}
</main>
</body>
</html>
`;
}

/**
 * The system's Chromium, as the browser tests use it (HEARD_CHROMIUM
 * overrides): Debian's headless shell first, the same engine without the
 * full browser's extra processes, then the full browser.
 */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  return [env.HEARD_CHROMIUM, '/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p): p is string => !!p && existsSync(p));
}

export class PdfUnavailableError extends Error {
  override name = 'PdfUnavailableError';
}

/** The HTML report printed to PDF (A4) by the system's Chromium, with a fresh profile every time. */
export async function renderPdf(report: ReportDocument): Promise<Buffer> {
  const executablePath = findChromium();
  if (!executablePath) throw new PdfUnavailableError('PDF needs Chromium: install it (e.g. apt-get install chromium) or set HEARD_CHROMIUM to its path');
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'heard-pdf-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await context.newPage();
    await page.setContent(renderHtml(report), { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
