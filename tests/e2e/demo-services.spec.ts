import { expect, test } from '@playwright/test';
import { HomePage } from './page-objects/home-page';

const DEMO_SERVICES = ['auth', 'gateway', 'inventory', 'notification', 'orders', 'payment'];

test('Home lists the demo services with their signal counts', async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await expect(home.servicesTable).toBeVisible();
  await expect.poll(() => home.serviceNames()).toEqual(expect.arrayContaining(DEMO_SERVICES));
  const payment = home.serviceRow('payment');
  // Spans, logs and metric points all arrived for the payment service.
  await expect(payment).toBeVisible();
  const cells = await payment.getByRole('cell').allInnerTexts();
  const counts = cells.slice(0, 3).map((t) => Number(t.replace(/[^0-9]/g, '')));
  for (const n of counts) expect(n).toBeGreaterThan(0);
});

test('Home shows golden signals per service; a service opens its Service overview with the range', async ({ page }) => {
  const home = new HomePage(page);
  // Span metrics are flushed periodically: reload until payment's rate is in.
  await expect(async () => {
    await home.goto('?from=now-15m&to=now');
    await expect(home.serviceRow('payment').getByRole('cell').nth(4)).toContainText('/s', { timeout: 5000 });
  }).toPass({ timeout: 90_000 });
  const cells = await home.serviceRow('payment').getByRole('cell').allInnerTexts();
  expect(cells[5]).toMatch(/^\d+(\.\d+)?%/); // errors
  expect(cells[6]).toMatch(/\d+(\.\d+)? (ms|s|µs)/); // p95 latency

  await home.serviceRow('payment').getByRole('link', { name: 'payment' }).click();
  await expect(page).toHaveURL(/\/dashboards\/service-overview\?var-service=payment&from=now-15m&to=now$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Service overview' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Variables' }).getByLabel('Service')).toHaveValue('payment');
});
