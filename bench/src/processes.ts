import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type Started = { child: ChildProcess; pid: number; output: () => string; stop: () => Promise<void> };

/** Starts a node process (`node --import tsx script args`) and waits until it says ready (IPC 'ready') or `url` answers. */
export async function startNode(
  script: string,
  args: string[],
  options: { env?: Record<string, string | undefined>; url?: string; timeoutMs?: number; cwd?: string },
): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NODE_ENV: 'production', ...options.env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log = (log + String(chunk)).slice(-20_000)));
  child.stderr?.on('data', (chunk) => (log = (log + String(chunk)).slice(-20_000)));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  await new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearInterval(poll);
      if (error) reject(error);
      else resolve();
    };
    child.on('message', (message) => message === 'ready' && finish());
    child.once('exit', (code) => finish(new Error(`${script} exited (${code}) before it was ready:\n${log.slice(-3000)}`)));
    const poll = setInterval(() => {
      if (Date.now() > deadline) {
        finish(new Error(`${script} was not ready in time:\n${log.slice(-3000)}`));
        return;
      }
      if (options.url) {
        fetch(options.url, { redirect: 'manual' })
          .then(() => finish())
          .catch(() => undefined);
      }
    }, 300);
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { child, pid: child.pid!, output: () => log, stop };
}

/** The process and its descendants (node:cluster workers). */
export function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = parents.get(ppid) ?? [];
      list.push(Number(entry));
      parents.set(ppid, list);
    } catch {
      // the process ended meanwhile
    }
  }
  const out: number[] = [];
  const visit = (pid: number) => {
    out.push(pid);
    for (const child of parents.get(pid) ?? []) visit(child);
  };
  visit(root);
  return out;
}

export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the resident memory of a process tree while `work` runs: the largest single process, in MB. */
export async function peakRss<T>(root: number, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = 0;
  const sample = () => {
    for (const pid of processTree(root)) peak = Math.max(peak, rssMb(pid));
  };
  sample();
  const timer = setInterval(sample, 250);
  try {
    const result = await work();
    sample();
    return { result, peakMb: peak };
  } finally {
    clearInterval(timer);
  }
}

/** Runs a command to the end; its peak RSS (from the kernel's own count, via the wrapper) and its time. */
export function runToEnd(
  command: string,
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout = (stdout + String(chunk)).slice(-200_000)));
    child.stderr.on('data', (chunk) => (stderr = (stderr + String(chunk)).slice(-50_000)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish in ${options.timeoutMs} ms`));
    }, options.timeoutMs ?? 600_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}
