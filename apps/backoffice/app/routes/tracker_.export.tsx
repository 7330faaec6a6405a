import type { LoaderFunctionArgs } from '@remix-run/node';
import { getCaller } from '@heard/ui/remix/server';
import { requireSignedIn } from '~/lib/session.server';
import { readTrackerQuery } from '~/lib/tracker';

/** The tracker's cases under the same filters, as a CSV download (a resource route: no page). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  const query = readTrackerQuery(new URL(request.url).searchParams);
  const file = await requireSignedIn(request, () => api.staff.tracker.exportCsv({ filters: query.filters as never, sort: query.sort }));
  return new Response(`\uFEFF${file.csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
