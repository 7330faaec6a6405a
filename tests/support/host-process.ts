/**
 * `heard start` as a real process on free loopback ports, as an operator
 * runs it: the production builds of both apps behind the real host
 * (security headers, same-origin check, static files), on the database the
 * environment names. Everything it writes to stdout and stderr is kept, so
 * tests can read the logs (and grep them for personal data).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const main = path.join(repositoryRoot, 'packages/cli/src/main.ts');

export type HostProcess = {
  portalUrl: string;
  backofficeUrl: string;
  pid: number;
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (a clean stop) and wait; SIGKILL after 15 s. */
  stop: () => Promise<void>;
  kill: (signal: NodeJS.Signals) => void;
};

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/**
 * Waits (up to 3 minutes) for the apps' production builds, then fails with a
 * clear message: a build in progress removes them for a while.
 */
export async function assertAppsBuilt(): Promise<void> {
  const builds = ['portal', 'backoffice'].map((app) => path.join(repositoryRoot, 'apps', app, 'build', 'server', 'index.js'));
  const until = Date.now() + 180_000;
  while (!builds.every((build) => existsSync(build))) {
    if (Date.now() > until) throw new Error(`${builds.find((b) => !existsSync(b))} is missing: run \`pnpm build\` before this suite`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  // A build that has just appeared may still be being written.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
}

type HostOptions = {
  env: Record<string, string | undefined>;
  args?: string[];
  /** How long to wait for both apps to listen. */
  timeoutMs?: number;
};

/** Starts the host; once more if a rebuild of the apps (another engineer's `pnpm build`) took the builds away meanwhile. */
export async function startHost(options: HostOptions): Promise<HostProcess> {
  try {
    return await startHostOnce(options);
  } catch (error) {
    if (!/has not been built/.test((error as Error).message)) throw error;
    return startHostOnce(options);
  }
}

async function startHostOnce(options: HostOptions): Promise<HostProcess> {
  await assertAppsBuilt();
  const [portalPort, backofficePort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'start', ...(options.args ?? [])], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: '',
      HEARD_DATA_DIR: undefined,
      TEST_DATABASE_URL: undefined,
      SMTP_URL: undefined,
      NOTIFY_API_KEY: undefined,
      PORTAL_PORT: String(portalPort),
      BACKOFFICE_PORT: String(backofficePort),
      HOST: '127.0.0.1',
      ...options.env,
    } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );

  const timeoutMs = options.timeoutMs ?? 300_000;
  const started = Date.now();
  const portalUrl = `http://127.0.0.1:${portalPort}`;
  const backofficeUrl = `http://127.0.0.1:${backofficePort}`;
  let ended: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void exited.then((value) => (ended = value));
  const args = options.args ?? [];
  const apps = args.includes('--app') ? args.filter((_, i) => args[i - 1] === '--app') : ['portal', 'backoffice'];
  const urls = apps.map((app) => (app === 'portal' ? portalUrl : backofficeUrl));
  for (;;) {
    if (ended) throw new Error(`heard start exited (${ended.code ?? ended.signal}) before serving:\n${output}`);
    if (/has not been built/.test(output)) {
      child.kill('SIGKILL');
      throw new Error(`heard start cannot serve: ${/[^\n]*has not been built[^\n]*/.exec(output)![0]}`);
    }
    if (apps.every((app, i) => output.includes(`${app} on ${urls[i]}`))) break;
    if (/\d+ worker processes serving/.test(output) && (await Promise.all(urls.map(answers))).every(Boolean)) break;
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`heard start did not serve within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    portalUrl,
    backofficeUrl,
    pid: child.pid!,
    child,
    output: () => output,
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}
