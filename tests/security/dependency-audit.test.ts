/**
 * The dependency audit's verdicts (scripts/audit-dependencies.mjs, run by
 * `pnpm test:security` after this suite): a high or critical advisory fails
 * the run; moderate and low ones do not; an audit endpoint that cannot be
 * reached is reported as not checked, never as clean.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { evaluateAudit } from '../../scripts/audit-dependencies.mjs';

type Verdict = { verdict: string; findings: string[]; message: string };
const evaluate = evaluateAudit as (text: string) => Verdict;

const report = (advisories: Array<{ severity: string; module_name: string }>) =>
  JSON.stringify({
    advisories: Object.fromEntries(
      advisories.map((a, i) => [
        String(i),
        { ...a, title: 'A problem', vulnerable_versions: '<2.0.0', findings: [{ paths: [`.>${a.module_name}`] }] },
      ]),
    ),
    metadata: { vulnerabilities: { low: 0, moderate: 0, high: 0, critical: 0 } },
  });

describe('the dependency audit', () => {
  it('fails on a high or a critical advisory, naming the package', () => {
    const high = evaluate(report([{ severity: 'high', module_name: 'left-pad' }]));
    expect(high.verdict).toBe('findings');
    expect(high.findings[0]).toContain('left-pad');
    expect(evaluate(report([{ severity: 'critical', module_name: 'event-stream' }])).verdict).toBe('findings');
  });

  it('passes moderate and low advisories (reported, not failing)', () => {
    expect(
      evaluate(
        report([
          { severity: 'moderate', module_name: 'a' },
          { severity: 'low', module_name: 'b' },
        ]),
      ).verdict,
    ).toBe('clean');
    expect(evaluate(report([])).verdict).toBe('clean');
  });

  it('says "not checked" when the registry cannot answer, rather than "clean"', () => {
    const unreachable = evaluate(
      JSON.stringify({ error: { code: 'ERR_PNPM_AUDIT_BAD_RESPONSE', message: 'The audit endpoint responded with 405' } }),
    );
    expect(unreachable.verdict).toBe('unreachable');
    expect(unreachable.message).toContain('405');
    expect(evaluate('ERR_PNPM_AUDIT_BAD_RESPONSE something').verdict).toBe('unreachable');
  });
});
