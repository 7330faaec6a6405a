import { randomBytes } from 'node:crypto';

export type SubmissionResult = {
  submitted: number;
  failed: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
};

/**
 * Complaint submission end to end over HTTP (quality.md): drafts are filled
 * in beforehand (not timed: the pages before "check your answers";
 * `@heard/api/testing`), then each submission is the portal's own POST of
 * "check your answers" (CSRF checked, validated, one transaction: case,
 * event, people, idempotency key, queued acknowledgement) and the
 * confirmation page it redirects to. Ten at a time, for a bounded time or
 * until the drafts run out.
 */
export async function submitOverHttp(portal: string, tokens: string[], seconds: number, concurrency = 10): Promise<SubmissionResult> {
  const queue = [...tokens];
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let submitted = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const token = queue.shift();
        if (!token) return;
        const csrf = randomBytes(32).toString('base64url');
        const cookie = `heard_draft_complaint=${token}; heard_csrf=${csrf}`;
        const t0 = performance.now();
        const posted = await fetch(`${portal}/complaint/check`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie, origin: portal, 'content-type': 'application/x-www-form-urlencoded' },
          body: `csrf=${csrf}`,
        });
        await posted.arrayBuffer();
        const location = posted.headers.get('location');
        let ok = posted.status === 302 && location?.endsWith('/complaint/confirmation');
        if (ok) {
          const confirmation = await fetch(new URL(location!, portal), { headers: { cookie } });
          const html = await confirmation.text();
          ok = confirmation.status === 200 && /CYP-\d\d-[2-9A-Z]{5}/.test(html);
          statuses[`confirmation ${confirmation.status}`] = (statuses[`confirmation ${confirmation.status}`] ?? 0) + 1;
        } else {
          statuses[`post ${posted.status}`] = (statuses[`post ${posted.status}`] ?? 0) + 1;
        }
        latencies.push(performance.now() - t0);
        if (ok) submitted += 1;
        else failed += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? 0;
  return { submitted, failed, seconds: elapsed, rps: submitted / elapsed, p50: at(0.5), p99: at(0.99), statuses };
}
