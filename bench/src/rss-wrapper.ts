import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Runs `heard <args>` in this process and writes, when it exits, its peak
 * resident memory (the kernel's high-water mark, in kB) to BENCH_RSS_FILE
 * and the command's own time (ms) to BENCH_TIME_FILE: how the bench measures
 * `heard import` and `heard report`. The command line's modules are loaded
 * first, so that the time is the command's run (its database work, the
 * checks it makes, its output), not the process's start-up.
 */
const rssFile = process.env.BENCH_RSS_FILE;
const timeFile = process.env.BENCH_TIME_FILE;
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/cli/src');
const commands = readdirSync(path.join(cli, 'commands')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
for (const file of commands) await import(pathToFileURL(path.join(cli, 'commands', file)).href);
const started = performance.now();
process.on('exit', () => {
  if (rssFile) writeFileSync(rssFile, String(process.resourceUsage().maxRSS));
  if (timeFile) writeFileSync(timeFile, String(performance.now() - started));
});
const main = path.join(cli, 'main.ts');
process.argv = [process.argv[0]!, main, ...process.argv.slice(2)];
await import(pathToFileURL(main).href);
