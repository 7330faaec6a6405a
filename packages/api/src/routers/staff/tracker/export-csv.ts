import { trackerRepository, type TrackerRow } from '@heard/db';
import { z } from 'zod';
import { recordAudit } from '../../../trpc';
import { trackerDates } from '../casework/context';
import { staffProcedureWithAny } from '../casework/procedures';
import { toRepositoryFilters, trackerScope, ZTrackerFilters } from './filters';
import { TRACKER_SORTS } from '@heard/db';
import { zChoice } from '@heard/domain';

/** At most this many rows in one file; the page says so when there are more. */
export const EXPORT_LIMIT = 50_000;

/** One CSV field (RFC 4180), never read as a formula by a spreadsheet. */
export function csvField(value: string | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const HEADER = ['reference', 'type', 'stage', 'status', 'received_on', 'due_on', 'responded_on', 'rag', 'owner', 'division', 'service'];

function toLine(row: TrackerRow): string {
  return [row.reference, row.type, row.stage, row.status, row.receivedOn, row.dueOn, row.respondedOn, row.rag, row.ownerName, row.divisionName, row.serviceName].map(csvField).join(',');
}

/** The tracker's cases under the same filters, as CSV (read a keyset page at a time). */
export const exportCsv = staffProcedureWithAny(['export:tracker:any', 'export:tracker:own'])
  .input(z.object({ filters: ZTrackerFilters.default({}), sort: zChoice(TRACKER_SORTS).default('due_asc') }))
  .query(async ({ ctx, input }) => {
    const dates = await trackerDates(ctx, input.filters.dueWithinDays);
    const tracker = trackerRepository(ctx.tx);
    const lines = [HEADER.join(',')];
    let cursor: string | null = null;
    let truncated = false;
    do {
      const page = await tracker.list({ filters: toRepositoryFilters(ctx, input.filters), sort: input.sort, cursor, limit: 1000, scope: trackerScope(ctx, 'export:tracker:any'), dates });
      for (const row of page.rows) lines.push(toLine(row));
      cursor = page.nextCursor;
      if (lines.length - 1 >= EXPORT_LIMIT && cursor) {
        truncated = true;
        break;
      }
    } while (cursor);
    await recordAudit(ctx, { action: 'export', detail: `staff.tracker.exportCsv rows=${lines.length - 1}` });
    return { filename: `tracker-${dates.today}.csv`, csv: `${lines.join('\r\n')}\r\n`, rows: lines.length - 1, truncated };
  });
