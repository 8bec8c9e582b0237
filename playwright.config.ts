/**
 * End-to-end tests: the built PWA served by the real sync server (started in each worker, see
 * tests/e2e/support/app/app-server.ts) in Debian's Chromium, since Playwright's own browser download
 * does not work here (docs/toolchain.md).
 */
import { defineConfig } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './scripts/chromium.ts';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/support/app/global-setup.ts',
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    // Residents are in Wales: dates are computed and checked in Welsh time.
    timezoneId: 'Europe/London',
    locale: 'cy-GB',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [...chromiumFlags],
    },
  },
});
