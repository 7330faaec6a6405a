import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `heard start` as a real process (as `npm start` runs it), for the CLI's host tests. */
const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/main.ts');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export type Host = { child: ChildProcess; stdout: () => string; stderr: () => string; waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>; exit: Promise<number | null> };

export function startHost(args: string[], env: Record<string, string>): Host {
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'start', ...args], {
    env: { ...process.env, DATABASE_URL: '', SMTP_URL: '', NOTIFY_API_KEY: '', ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ pattern: RegExp; resolve: (match: RegExpMatchArray) => void }> = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      const match = (stdout + stderr).match(waiter.pattern);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  };
  child.stdout!.on('data', (chunk) => ((stdout += chunk), check()));
  child.stderr!.on('data', (chunk) => ((stderr += chunk), check()));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exit,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        check();
        void exit.then((code) => reject(new Error(`heard start exited (${code}) before ${pattern}:\n${stdout}\n${stderr}`)));
      }),
  };
}

