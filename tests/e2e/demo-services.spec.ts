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
