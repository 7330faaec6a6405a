/**
 * A person sending a prepared complaint through the real portal: "Send" on
 * the check-your-answers page (POST /complaint/check, with the draft's cookie
 * and the form's CSRF token, from the portal's own origin), then the
 * confirmation page with the reference. On the service-unavailable page they
 * try again a little later, as the page tells them to; anything else is
 * recorded as it came.
 */
import { randomBytes } from 'node:crypto';
import type { PreparedDraft } from '@heard/api/testing';

export type Exchange = {
  step: 'send' | 'confirmation';
  status: number;
  kind: 'ok' | 'unavailable' | 'unexpected' | 'network';
  at: number;
  detail?: string;
};
export type SendResult = { draft: PreparedDraft; reference: string | null; exchanges: Exchange[]; confirmedAt: number | null };

const UNAVAILABLE_TITLE = 'Sorry, the service is unavailable';

export function referenceOf(html: string): string | null {
  return /data-testid="reference">([^<]+)</.exec(html)?.[1]?.trim() ?? null;
}

export async function sendDraft(
  portalUrl: string,
  draft: PreparedDraft,
  options: { retryDelayMs?: number; giveUpAfterMs?: number; journey?: string } = {},
): Promise<SendResult> {
  const journey = options.journey ?? 'complaint';
  const csrf = randomBytes(32).toString('base64url');
  const cookie = `heard_draft_${journey.replace(/-/g, '_')}=${draft.token}; heard_csrf=${csrf}`;
  const retryDelayMs = options.retryDelayMs ?? 400;
  const deadline = Date.now() + (options.giveUpAfterMs ?? 30_000);
  const exchanges: Exchange[] = [];
  const pause = () => new Promise((resolve) => setTimeout(resolve, retryDelayMs / 2 + Math.random() * retryDelayMs));

  let step: 'send' | 'confirmation' = 'send';
  while (Date.now() < deadline) {
    let response: Response;
    try {
      response =
        step === 'send'
          ? await fetch(`${portalUrl}/${journey}/check`, {
              method: 'POST',
              redirect: 'manual',
              headers: { cookie, origin: portalUrl, 'content-type': 'application/x-www-form-urlencoded' },
              body: `csrf=${csrf}`,
              signal: AbortSignal.timeout(20_000),
            })
          : await fetch(`${portalUrl}/${journey}/confirmation`, {
              redirect: 'manual',
              headers: { cookie },
              signal: AbortSignal.timeout(20_000),
            });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      exchanges.push({
        step,
        status: 0,
        kind: 'network',
        at: Date.now(),
        detail: `${(error as Error).message}: ${cause?.code ?? ''} ${cause?.message ?? ''}`,
      });
      await pause();
      continue;
    }
    const body = await response.text();
    const at = Date.now();
    if (response.status === 503 && body.includes(UNAVAILABLE_TITLE)) {
      exchanges.push({ step, status: 503, kind: 'unavailable', at });
      await pause();
      continue;
    }
    if (step === 'send' && response.status === 302 && (response.headers.get('location') ?? '').endsWith(`/${journey}/confirmation`)) {
      exchanges.push({ step, status: 302, kind: 'ok', at });
      step = 'confirmation';
      continue;
    }
    if (step === 'confirmation' && response.status === 200) {
      const reference = referenceOf(body);
      if (reference) {
        exchanges.push({ step, status: 200, kind: 'ok', at });
        return { draft, reference, exchanges, confirmedAt: at };
      }
    }
    exchanges.push({
      step,
      status: response.status,
      kind: 'unexpected',
      at,
      detail: `${response.headers.get('location') ?? ''} ${body.slice(0, 300)}`,
    });
    return { draft, reference: null, exchanges, confirmedAt: null };
  }
  return { draft, reference: null, exchanges, confirmedAt: null };
}
