import { expect, test } from '@playwright/test';
import { DashboardPage } from './page-objects/dashboard-page';

// Against the demo's data (global setup) and the provisioned dashboards/service-overview.json.
const OVERVIEW_PANELS = [
  'Requests per second', 'Errors', 'p95 latency', 'Request rate', 'Error rate', 'Latency p50 / p95 / p99',
  'Slowest operations (p95 over the range)', 'Recent error logs', 'Slowest traces',
];

test.describe('Dashboards', () => {
  test('Service overview for payment renders every panel; the variable drives the queries', async ({ page }) => {
    const dash = new DashboardPage(page);
    // Span metrics are flushed periodically: reload until the latency chart has its three quantiles.
    await expect(async () => {
      await dash.goto('service-overview', '?var-service=payment&from=now-15m&to=now');
      await expect(dash.panel('Latency p50 / p95 / p99').getByRole('list', { name: 'Series' }).getByRole('button')).toHaveCount(3, { timeout: 10_000 });
      // Rates need two flushes inside a window: wait for them too (panels of other widths use other steps).
      await expect(dash.panel('Requests per second').getByLabel(/^Requests per second: [0-9.]+/)).toBeVisible({ timeout: 5000 });
      await expect(dash.panel('Request rate').locator('.recharts-line')).toHaveCount(1, { timeout: 5000 });
    }).toPass({ timeout: 90_000 });

    await test.step('every panel is drawn with data', async () => {
      await expect(dash.heading).toHaveText('Service overview');
      for (const title of OVERVIEW_PANELS) await expect(dash.panel(title)).toBeVisible();
      await expect(dash.panel('Requests per second').getByLabel(/^Requests per second: [0-9.]+/)).toBeVisible();
      await expect(dash.panel('Request rate').locator('.recharts-line')).toHaveCount(1);
      await expect(dash.panel('Latency p50 / p95 / p99').getByRole('link', { name: /^Exemplar trace [0-9a-f]{32}/ }).first()).toBeAttached();
      await expect(dash.panel('Slowest operations (p95 over the range)').getByRole('rowheader').first()).toBeVisible();
      await expect(dash.panel('Slowest traces').getByRole('table').getByRole('link').first()).toBeVisible();
      await expect(dash.panel('Recent error logs').getByRole('list')).toBeVisible();
      await page.screenshot({ path: test.info().outputPath('service-overview-payment.png'), fullPage: true });
      await expect(dash.panel('Slowest traces').getByRole('link', { name: 'Open in Traces: Slowest traces' }))
        .toHaveAttribute('href', /\/traces\?service=payment&sort=slowest&from=\d+&to=\d+/);
    });

    await test.step('hovering one chart draws the crosshair on the others', async () => {
      const latency = dash.panel('Latency p50 / p95 / p99');
      await expect(latency.locator('.recharts-reference-line')).toHaveCount(0);
      await dash.panel('Request rate').locator('.recharts-surface').hover();
      await expect(latency.locator('.recharts-reference-line')).toHaveCount(1);
    });

    await test.step('changing the variable goes into the URL and re-runs the panels', async () => {
      await expect(dash.serviceVariable).toHaveValue('payment');
      await dash.serviceVariable.selectOption('orders');
      await expect(page).toHaveURL(/var-service=orders/);
      await expect(dash.panel('Slowest traces').getByRole('link', { name: 'Open in Traces: Slowest traces' })).toHaveAttribute('href', /service=orders/);
      await expect(dash.panel('Request rate').locator('.recharts-line')).toHaveCount(1);
    });

    await test.step('auto-refresh goes into the URL', async () => {
      await dash.refresh.selectOption('10s');
      await expect(page).toHaveURL(/refresh=10s/);
    });
  });

  test('annotations are drawn on time-series panels, named by their text', async ({ page, request }) => {
    const res = await request.post('/api/annotations', { data: { time: Date.now() - 120_000, text: 'e2e deploy marker', tags: ['deploy'], service: 'payment' } });
    expect(res.status()).toBe(201);
    const dash = new DashboardPage(page);
    await dash.goto('service-overview', '?var-service=payment&from=now-15m&to=now');
    const marker = dash.panel('Request rate').getByRole('button', { name: /^Annotation at .*: e2e deploy marker$/ });
    await expect(marker).toBeVisible({ timeout: 30_000 });
    await marker.focus();
    await expect(dash.panel('Request rate').getByRole('tooltip')).toContainText('e2e deploy marker');
  });

  test('create a dashboard, add a panel, save it, then delete it', async ({ page, request }) => {
    test.setTimeout(180_000);
    // The new panel's default query is a 1m rate of span metrics (flushed every 15 s). The preview is a
    // range query whose steps may be a minute apart, so it has a value only once the rate has had one
    // for a minute: wait for that (asking a minute in the past), or a run early in the suite sees "No data".
    const query = encodeURIComponent('sum(rate(traces_spanmetrics_calls_total[1m]))');
    await expect.poll(async () => {
      const minuteAgo = Date.now() / 1000 - 60;
      const body = await (await request.get(`/api/v1/query?query=${query}&time=${minuteAgo}`)).json() as { data: { result: unknown[] } };
      return body.data.result.length;
    }, { timeout: 120_000, intervals: [2_000] }).toBeGreaterThan(0);
    const title = `E2E board ${Date.now()}`;
    await page.goto('/dashboards');
    await expect(page.getByRole('link', { name: 'Service overview' })).toBeVisible();

    await page.getByLabel('New dashboard title').fill(title);
    await page.getByRole('button', { name: 'Create dashboard' }).click();
    await expect(page).toHaveURL(/\/dashboards\/e2e-board-\d+-[0-9a-z]{6}/);
    const dash = new DashboardPage(page);
    await expect(dash.heading).toHaveText(title);

    await dash.button('Edit dashboard').click();
    await dash.button('Add panel').click();
    const editor = page.getByRole('dialog', { name: 'Edit panel New panel' });
    await editor.getByLabel('Panel title').fill('All calls');
    await editor.getByLabel('Panel type').selectOption('stat');
    await expect(editor.getByRole('region', { name: 'Preview' }).getByLabel(/^All calls: /)).toBeVisible({ timeout: 20_000 });
    await editor.getByRole('button', { name: 'Apply panel' }).click();
    await dash.button('Save dashboard').click();
    await expect(dash.button('Edit dashboard')).toBeVisible();
    await expect(dash.panel('All calls')).toBeVisible();

    await page.reload();
    await expect(dash.panel('All calls')).toBeVisible();

    await page.goto('/dashboards');
    await page.getByRole('button', { name: `Delete ${title}` }).click();
    await page.getByRole('alertdialog', { name: `Delete ${title}?` }).getByRole('button', { name: 'Confirm delete' }).click();
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Service overview' })).toBeVisible();
  });
  // The journey from this overview to a trace's logs and back: tests/e2e/journey.spec.ts.
});
