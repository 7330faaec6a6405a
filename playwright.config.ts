import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests of both apps against their production builds, served by the
 * real host (packages/cli) on test ports with a fresh database holding the
 * demo council: in-memory PGlite, or PostgreSQL when E2E_DATABASE_URL is set.
 * Chromium is the system's when present: Debian's chromium-headless-shell
 * first (the same engine without the full browser's extra processes:
 * measured, the suite takes 8.8 minutes with it where the full browser took
 * 10.8), else /usr/bin/chromium; Playwright's
 * own download is not possible everywhere.
 */
const PORTAL_PORT = Number(process.env.E2E_PORTAL_PORT ?? 4300);
const BACKOFFICE_PORT = Number(process.env.E2E_BACKOFFICE_PORT ?? 4301);
const systemChromium = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

export default defineConfig({
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    headless: true,
    // A click or a page that never comes fails in seconds, not at the end of a long test's budget.
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    // A trace records every action's snapshots and screencast frames for every
    // test, passing or not: measured, 28% of the suite's CPU. E2E_TRACE=1 keeps
    // the traces of failures when one is needed; a failure's screenshot is
    // always kept.
    trace: process.env.E2E_TRACE === '1' ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'portal', testDir: 'apps/portal/tests/e2e', use: { baseURL: `http://127.0.0.1:${PORTAL_PORT}` } },
    { name: 'backoffice', testDir: 'apps/backoffice/tests/e2e', use: { baseURL: `http://127.0.0.1:${BACKOFFICE_PORT}` } },
  ],
  webServer: {
    command: 'node --import tsx packages/cli/src/main.ts start --demo',
    url: `http://127.0.0.1:${PORTAL_PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    env: {
      PORTAL_PORT: String(PORTAL_PORT),
      BACKOFFICE_PORT: String(BACKOFFICE_PORT),
      HEARD_DATA_DIR: 'memory',
      // The portal's development mailbox: codes and links are read from the outbox (no email is sent).
      HEARD_DEV_MAILBOX: '1',
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : { DATABASE_URL: '' }),
      E2E_PORTAL_URL: `http://127.0.0.1:${PORTAL_PORT}`,
    },
  },
});
