#!/usr/bin/env node
// `pnpm audit --prod`, with a clear verdict: fails (exit 1) on any high or
// critical advisory in the dependencies that ship. When the registry's audit
// endpoint cannot be reached (closed networks; some registries and mirrors
// answer 405 or 404 to it), it says so plainly and exits 0, because nothing
// was found rather than something found; set HEARD_AUDIT_REQUIRED=1 to make
// an unreachable endpoint fail the run too.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What an audit's JSON output means: `{ verdict: 'clean' | 'findings' | 'unreachable', findings, message }`.
 * Exported for the security suite's test of this script.
 */
export function evaluateAudit(text) {
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    return { verdict: 'unreachable', findings: [], message: `pnpm audit did not answer with JSON: ${text.trim().split('\n')[0] ?? ''}` };
  }
  if (report.error) {
    return {
      verdict: 'unreachable',
      findings: [],
      message: `the registry's audit endpoint could not be used: ${report.error.code ?? ''} ${report.error.message ?? ''}`.trim(),
    };
  }
  const advisories = Object.values(report.advisories ?? {});
  const findings = advisories
    .filter((a) => a.severity === 'high' || a.severity === 'critical')
    .map(
      (a) =>
        `${a.severity}: ${a.module_name} ${a.vulnerable_versions ?? ''} (${a.title ?? a.url ?? 'advisory'}) via ${(a.findings ?? [])
          .flatMap((f) => f.paths ?? [])
          .slice(0, 3)
          .join(', ')}`,
    );
  const counts = report.metadata?.vulnerabilities ?? {};
  const summary = Object.entries(counts)
    .map(([severity, n]) => `${n} ${severity}`)
    .join(', ');
  return findings.length > 0
    ? { verdict: 'findings', findings, message: `${findings.length} high or critical advisories in production dependencies (${summary})` }
    : {
        verdict: 'clean',
        findings: [],
        message: `no high or critical advisories in production dependencies (${summary || 'none at all'})`,
      };
}

function pnpmCommand() {
  const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager;
  for (const [command, prefix] of [
    ['pnpm', []],
    ['corepack', ['pnpm']],
    ['npx', ['--yes', pinned]],
  ]) {
    const probe = spawnSync(command, [...prefix, '--version'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: '0' },
    });
    if (probe.status === 0) return [command, prefix];
  }
  return null;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pnpm = pnpmCommand();
  if (!pnpm) {
    console.error('audit: pnpm could not be run, so the dependencies were not audited');
    process.exit(process.env.HEARD_AUDIT_REQUIRED === '1' ? 1 : 0);
  }
  const [command, prefix] = pnpm;
  const run = spawnSync(command, [...prefix, 'audit', '--prod', '--json'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: '0' },
  });
  const result = evaluateAudit(run.stdout || run.stderr || '');
  if (result.verdict === 'findings') {
    console.error(`audit: FAILED: ${result.message}`);
    for (const finding of result.findings) console.error(`  ${finding}`);
    process.exit(1);
  }
  if (result.verdict === 'unreachable') {
    console.error(
      `audit: NOT CHECKED: ${result.message}. No advisories were looked up, so none were found; run \`pnpm audit --prod\` where the registry's audit endpoint answers (HEARD_AUDIT_REQUIRED=1 makes this fail).`,
    );
    process.exit(process.env.HEARD_AUDIT_REQUIRED === '1' ? 1 : 0);
  }
  console.log(`audit: ${result.message}`);
}
