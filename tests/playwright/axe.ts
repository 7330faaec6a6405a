import axe from 'axe-core';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (quality.md). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

type Violation = { id: string; impact?: string | null; help: string; target: string };

/**
 * Fails with every violation's rule, impact and first target when the page
 * breaks WCAG A/AA.
 *
 * axe-core itself, run in the page, rather than `@axe-core/playwright`'s
 * AxeBuilder: the builder opens a second page for every check to merge
 * per-frame results (our pages have no frames) and sends back every pass and
 * inapplicable rule with its nodes. Measured on a portal question page: 1.4 s
 * a check with the builder, 0.4 s this way, the same rules and the same
 * violations; with about 300 checks in the browser suite that is minutes of
 * CI. The source goes in through the DevTools protocol, which a page's CSP
 * does not govern, once per document.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags): Promise<Violation[]> => {
    const runner = (window as unknown as { axe: typeof axe }).axe;
    const results = await runner.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, target: v.nodes[0]?.target.join(' ') ?? '' }));
  }, WCAG_TAGS);
  expect(
    violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.target}`),
    `axe violations on ${page.url()} (${state})`,
  ).toEqual([]);
}

/**
 * A screenshot kept with the test results (not committed), named by page,
 * language and state, for a person to look over. Not in CI (`CI` set), where
 * no one sees them and a full-page image of each page costs CPU the suites
 * share; `E2E_SCREENSHOTS=1` keeps them there too.
 */
const SCREENSHOTS = !process.env.CI || process.env.E2E_SCREENSHOTS === '1';
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

export const LANGUAGES = ['en', 'cy'] as const;
