import autocannon from 'autocannon';

export type LoadResult = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  bytesPerRequest: number;
};

/** Loads one URL on loopback for a bounded time with autocannon. */
export async function load(
  url: string,
  options: { seconds: number; connections?: number; method?: 'GET' | 'POST'; headers?: Record<string, string>; warmupSeconds?: number },
): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`the bench loads loopback only, not ${url}`);
  const run = (duration: number) =>
    autocannon({
      url,
      connections: options.connections ?? 10,
      duration,
      method: options.method ?? 'GET',
      headers: options.headers ?? {},
      timeout: 10,
    });
  if (options.warmupSeconds) await run(options.warmupSeconds);
  const result = await run(options.seconds);
  const latency = result.latency as unknown as Record<string, number>;
  return {
    rps: result.requests.average,
    p50: latency.p50 ?? 0,
    p99: latency.p99 ?? 0,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytesPerRequest: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
  };
}

/** Latency figures of repeated runs of `work`: p50, p99, mean (ms). */
export async function timeRuns(
  runs: number,
  work: () => Promise<unknown>,
): Promise<{ p50: number; p99: number; mean: number; runs: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;
  return { p50: at(0.5), p99: at(0.99), mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length), runs };
}
