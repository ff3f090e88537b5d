import { defineConfig, devices } from '@playwright/test';

/** Where the console under test runs; the lead's webServer/globalSetup starts it on this port with a fresh DB. */
const baseURL = process.env.SIGHTLINE_E2E_URL ?? `http://127.0.0.1:${process.env.SIGHTLINE_E2E_PORT ?? '3100'}`;
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'tests/e2e',
  // Starts the built server with a fresh database and seeds it with the demo shop (unless SIGHTLINE_E2E_URL is given).
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 60_000,
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  reporter: isCI ? [['list']] : [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Playwright cannot download browsers here: use Debian's chromium, with the flags it needs as root offline.
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
