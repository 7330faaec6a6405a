import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { describeApiError } from '@heard/api/errors';
import { getCaller, readVerifiedForm, serverT } from '@heard/ui/remix/server';
import { requireSignedIn } from '~/lib/session.server';

/** Nothing to show here: the download is the answer to the search page's button. */
export function loader() {
  return redirect('/subject-access');
}

/**
 * The subject access zip (a resource route: no page). The search page's
 * button posts what was searched for; the API checks it again, audits the
 * export and each case in it, and builds the zip.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const api = await getCaller(request, context);
  try {
    const file = await requireSignedIn(request, () =>
      api.staff.subjectAccess.export({ email: field('email'), phone: field('phone'), name: field('name'), dateOfBirth: field('dateOfBirth') }),
    );
    return new Response(Buffer.from(file.base64, 'base64'), {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof Response) throw error;
    const described = describeApiError(error);
    if (described.status >= 500) throw error;
    // Only a form changed by hand reaches here: say so in the person's language, and search again.
    const { t } = await serverT(request);
    const details = Object.values(described.fieldErrors).map((key) => t(key));
    return new Response([t(described.messageKey, described.params), ...details].join('\n'), {
      status: described.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
}
