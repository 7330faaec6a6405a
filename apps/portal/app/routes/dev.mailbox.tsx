import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { describeApiError } from '@heard/api/errors';
import { Table } from '@heard/ui';
import { getCaller } from '@heard/ui/remix/server';

/**
 * The development mailbox (HEARD_DEV_MAILBOX=1 only): what the outbox would
 * send, codes and links included, until the job queue sends email. Not
 * translated: it is a tool, not part of the service. "Not found" otherwise.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const api = await getCaller(request, context);
  try {
    return { messages: await api.public.dev.mailbox(), pageTitle: 'Development mailbox' };
  } catch (error) {
    if (describeApiError(error).status === 404) throw new Response('Not found', { status: 404 });
    throw error;
  }
}

export default function DevMailbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Development mailbox</h1>
      <Table
        caption="Latest outbox messages, newest first"
        columns={[{ header: 'Sent to' }, { header: 'Template' }, { header: 'Language' }, { header: 'Content' }]}
        rows={messages.map((m) => [
          <span key="to" data-testid="recipient">
            {m.recipient}
          </span>,
          <span key="template" data-testid="template">
            {m.template}
          </span>,
          m.language,
          <code key="payload" className="heard-break-all" data-testid="payload">
            {JSON.stringify(m.payload)}
          </code>,
        ])}
      />
    </>
  );
}
