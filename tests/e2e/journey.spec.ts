import { expect, test, type Page, type TestInfo } from '@playwright/test';

/**
 * The product's defining journey, on the demo's data with the payment incident on (global setup):
 * p99 jumped → an exemplar in the spike → that trace's waterfall at the slow span → the trace's logs,
 * with the payment error → back to the same waterfall from a log record. Every click's target is found
 * by role and accessible name; a screenshot of each step is attached to the test's report.
 */
const RANGE = 'from=now-15m&to=now';
const EXEMPLAR = /^Exemplar trace ([0-9a-f]{32}): ([\d.]+) (ns|µs|ms|s)\b.*, payment /;

/** Seconds from an exemplar's accessible name ("Exemplar trace <id>: 1.2 s, payment POST /charge"). */
function exemplarSeconds(name: string): number {
  const m = EXEMPLAR.exec(name);
  if (!m) return -1;
  const scale = { ns: 1e-9, µs: 1e-6, ms: 1e-3, s: 1 }[m[3] as 'ns' | 'µs' | 'ms' | 's'];
  return Number(m[2]) * scale;
}

async function snapshot(page: Page, testInfo: TestInfo, step: string): Promise<void> {
  await testInfo.attach(step, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

test('p99 spike → exemplar → waterfall → the trace’s logs → back to the waterfall', async ({ page }, testInfo) => {
  // 1. The Service overview of payment; its latency panel has the spike, with exemplars of payment spans.
  const latency = page.getByRole('region', { name: 'Latency p50 / p95 / p99' });
  await expect(async () => {
    await page.goto(`/dashboards/service-overview?var-service=payment&${RANGE}`);
    await expect(latency.getByRole('link', { name: EXEMPLAR }).first()).toBeAttached({ timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByRole('heading', { name: 'Service overview' })).toBeVisible();
  await snapshot(page, testInfo, '1-service-overview');

  // 2. The slowest exemplar (inside the spike): its waterfall, at its span, the time range kept.
  // The spike: with the incident on, a charge waits ~0.3–0.9 s for the struggling processor (~40 ms normally).
  const slowestOf = (names: string[]) => names.reduce((a, b) => (exemplarSeconds(b) > exemplarSeconds(a) ? b : a), '');
  const names = await latency.getByRole('link', { name: EXEMPLAR }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(exemplarSeconds(slowestOf(names))).toBeGreaterThan(0.3);
  // On call, one follows the slowest failed request: markers say when their trace has errors.
  await expect(latency.getByRole('link', { name: /, trace has errors/ }).first()).toBeAttached();
  const failed = await latency.getByRole('link', { name: /, trace has errors/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const chosen = slowestOf(failed.filter((n) => EXEMPLAR.test(n)));
  const traceId = EXEMPLAR.exec(chosen)![1];
  const marker = latency.getByRole('link', { name: chosen, exact: true });
  await marker.focus();
  await marker.click();
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}\\?span=[0-9a-f]{16}&${RANGE}`));
  const spanId = /span=([0-9a-f]{16})/.exec(page.url())![1];
  await expect(page.getByRole('list', { name: /Spans of trace/ })).toBeVisible();
  await expect(page.getByRole('complementary', { name: /^Span details: / })).toContainText(spanId);
  await snapshot(page, testInfo, '2-waterfall');

  // 3. "Logs for this trace": only this trace's records, in a padded window, the payment error among them.
  await page.getByRole('link', { name: /^Logs for this trace/ }).click();
  await expect(page).toHaveURL(new RegExp(`/logs\\?traceId=${traceId}&from=\\d+&to=\\d+`));
  const table = page.getByRole('table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const rows = await table.getByRole('row').count();
  await expect(table.getByRole('link', { name: new RegExp(`^Open trace ${traceId}`) })).toHaveCount(rows - 1);
  await expect(table.getByRole('row').filter({ hasText: /payment declined/ }).first()).toBeVisible();
  await snapshot(page, testInfo, '3-trace-logs');

  // 4. From the error record, its trace link leads back to the same waterfall.
  await table.getByRole('row').filter({ hasText: /payment declined/ }).first()
    .getByRole('link', { name: new RegExp(`^Open trace ${traceId}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}\\?span=[0-9a-f]{16}`));
  await expect(page.getByRole('list', { name: /Spans of trace/ })).toBeVisible();
  await snapshot(page, testInfo, '4-back-to-waterfall');
});
