import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (quality.md). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Fails with every violation's rule, impact and first target when the page breaks WCAG A/AA. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes[0]?.target.join(' ')}`);
  expect(violations, `axe violations on ${page.url()} (${state})`).toEqual([]);
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
