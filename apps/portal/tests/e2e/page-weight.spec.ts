import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/**
 * Page weight on a first visit (quality.md): everything the browser
 * downloads for a page, as sent (brotli for the prebuilt static files; the
 * HTML as the app sends it, uncompressed, before any proxy compresses it).
 * A size, not a time: it does not depend on the machine's load.
 */
async function firstVisit(page: Page, path: string): Promise<{ total: number; scripts: number }> {
  await page.context().clearCookies();
  const sizes: Promise<{ bytes: number; script: boolean }>[] = [];
  page.on('requestfinished', (request) => {
    sizes.push(request.sizes().then((s) => ({ bytes: s.responseBodySize + s.responseHeadersSize, script: request.resourceType() === 'script' })));
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  const all = await Promise.all(sizes);
  return { total: all.reduce((sum, s) => sum + s.bytes, 0), scripts: all.filter((s) => s.script).length };
}

test('content pages ship no JavaScript and weigh at most 40 KB', async ({ page }) => {
  for (const path of ['/', '/start', '/resume/not-a-real-token-00000000000000000000', '/track/link/not-a-real-link-0000000000000000000']) {
    const weight = await firstVisit(page, path);
    expect(weight.scripts, `${path} loads scripts`).toBe(0);
    expect(weight.total, `${path} weighs ${weight.total} bytes`).toBeLessThanOrEqual(40 * 1024);
  }
});

/**
 * Question pages hydrate (React, Remix, react-hook-form with the domain's
 * zod schemas, i18next and one language's strings). Measured at about
 * 180-195 KB in all (headers and uncompressed HTML included); quality.md's
 * bar is 150 KB, which this stack does not reach yet (see the portal's
 * README): this guard stops it growing.
 */
test('question pages stay within their measured weight', async ({ page }) => {
  for (const path of ['/complaint/who', '/track', '/advocate/sign-in']) {
    const weight = await firstVisit(page, path);
    expect(weight.scripts, `${path} is enhanced with JavaScript`).toBeGreaterThan(0);
    expect(weight.total, `${path} weighs ${weight.total} bytes`).toBeLessThanOrEqual(200 * 1024);
  }
});
