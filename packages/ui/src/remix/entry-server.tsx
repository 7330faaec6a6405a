import { Transform } from 'node:stream';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { createServerI18n, detectLanguage } from './i18n.server';
import { hasActionErrors, PageStateProvider } from '../components/page-state';

const ABORT_DELAY = 5_000;

/** Remix's `entry.server` default export, shared by both apps. */
export async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext & { cspNonce?: string },
) {
  const i18n = await createServerI18n(await detectLanguage(request));
  const nonce = loadContext.cspNonce;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // Cleared as soon as the page is rendered: a pending timer keeps the whole
    // render (its React tree, loader data, buffers) alive for five seconds, and
    // at hundreds of pages a second that was hundreds of megabytes of memory.
    let abortTimer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const { pipe, abort } = renderToPipeableStream(
      <PageStateProvider nonce={nonce} initialHasErrors={hasActionErrors(remixContext.staticHandlerContext.actionData)}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </PageStateProvider>,
      {
        nonce,
        // The whole page at once: pages are small and nothing is deferred.
        onAllReady() {
          shellRendered = true;
          settled = true;
          clearTimeout(abortTimer);
          const body = withoutStrayZeroBytes();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          settled = true;
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged once here; nothing personal is in a render error.
          if (shellRendered) console.error(error instanceof Error ? error.message : error);
        },
      },
    );
    if (!settled) abortTimer = setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * Remix's `handleError`: log what went wrong without the request (its URL or
 * form may carry personal data), and stay quiet about pages that do not
 * exist and requests the browser abandoned.
 */
export function handleError(error: unknown, { request }: { request: Request }): void {
  if (request.signal.aborted) return;
  const status = (error as { status?: number } | null)?.status;
  if (status === 404 || status === 405) return;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  console.error(`request failed: ${message}`);
}

/**
 * React 18's streaming renderer has a bug: when a 4-byte character (an
 * emoji) does not fit in the last bytes of its 2 KB buffer, it sends the
 * whole buffer, unused zero bytes included, then the character (fixed in
 * React 19: it sends only the bytes written). A person's answer full of emoji
 * came back with NUL characters in it (found by the fuzz suite). NUL is never
 * part of a page (input strings are stripped of it by the API), so dropping
 * zero bytes from the stream restores exactly what React meant to send.
 */
function withoutStrayZeroBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk);
    },
  });
}
