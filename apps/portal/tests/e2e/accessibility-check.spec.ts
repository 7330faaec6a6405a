import { expect, expectAccessible, test } from '../fixtures';

// The accessibility check every other browser test relies on must itself fail on a page that breaks WCAG.
test('the axe check finds a violation on a page served with our CSP, and passes the page without it', async ({ page }) => {
  await page.goto('/start');
  await expectAccessible(page, 'start page as served');
  await page.evaluate(() => {
    const image = document.createElement('img');
    image.src = '/favicon.svg';
    document.querySelector('main')?.append(image);
  });
  await expect(expectAccessible(page, 'an image without a text alternative')).rejects.toThrow(/image-alt/);
});
