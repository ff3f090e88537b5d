import { expect, test } from '@playwright/test';

// Runs against the demo shop's data (global setup): span metrics with exemplars, and the payment incident
// (payment is slow), so payment's p99 latency has exemplars pointing at stored traces.
const P99_PAYMENT = 'histogram_quantile(0.99, sum by (le) (rate(traces_spanmetrics_latency_bucket{service="payment"}[1m])))';
const EXEMPLAR = /^Exemplar trace [0-9a-f]{32}/;

test.describe('Explore', () => {
  test('charts payment p99 latency; an exemplar opens its trace at its span, keeping the range', async ({ page }) => {
    const url = `/explore?query=${encodeURIComponent(P99_PAYMENT)}&from=now-15m&to=now`;
    // Span metrics are flushed periodically: reload until the first exemplars are in.
    await expect(async () => {
      await page.goto(url);
      await expect(page.getByRole('link', { name: EXEMPLAR }).first()).toBeAttached({ timeout: 10_000 });
    }).toPass({ timeout: 60_000 });

    await expect(page.getByRole('heading', { name: 'Explore' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Query 1' })).toContainText('traces_spanmetrics_latency_bucket');
    const chart = page.getByRole('figure', { name: /1 series/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator('.recharts-line')).toHaveCount(1);
    await expect(page.getByRole('list', { name: 'Series' }).getByRole('button')).toHaveCount(1);

    // Once trace details are in, a stored exemplar's name carries its service and span; it is a link.
    const exemplar = page.getByRole('link', { name: /^Exemplar trace [0-9a-f]{32}: .+, payment / }).first();
    await expect(exemplar).toBeAttached();
    const name = (await exemplar.getAttribute('aria-label')) ?? '';
    const traceId = /([0-9a-f]{32})/.exec(name)![1];

    // Keyboard focus shows the card with the trace id, service and duration.
    await exemplar.focus();
    const card = page.getByRole('tooltip');
    await expect(card).toContainText(traceId);
    await expect(card).toContainText('payment');
    await expect(card).toContainText('Duration');

    await exemplar.click();
    await expect(page).toHaveURL(new RegExp(`/traces/${traceId}\\?span=[0-9a-f]{16}&from=now-15m&to=now`));
    await expect(page.getByRole('list', { name: /Spans of trace/ })).toBeVisible();
  });

  test('dragging across the chart zooms into that window', async ({ page }) => {
    await page.goto(`/explore?query=${encodeURIComponent('sum(rate(traces_spanmetrics_calls_total[1m]))')}&from=now-15m&to=now`);
    const chart = page.getByRole('figure', { name: /series/ });
    await expect(chart.locator('.recharts-line')).toHaveCount(1);
    const box = (await chart.locator('.recharts-surface').first().boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.5, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, y, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=\d{13}&to=\d{13}/);
    const url = new URL(page.url());
    const span = Number(url.searchParams.get('to')) - Number(url.searchParams.get('from'));
    expect(span).toBeGreaterThan(60_000); // about a fifth of 15 minutes
    expect(span).toBeLessThan(5 * 60_000);
  });

  test('a query Prometheus refuses shows its error type and message', async ({ page }) => {
    await page.goto(`/explore?query=${encodeURIComponent('sum(rate(')}&from=now-15m&to=now`);
    const alert = page.getByRole('alert').filter({ hasText: 'Query 1 failed' });
    await expect(alert).toContainText('bad_data');
    await expect(alert).toContainText(/parse error/i);
  });

  test('runs from the editor with Enter and shows an instant table', async ({ page }) => {
    await page.goto('/explore?from=now-15m&to=now');
    const editor = page.getByRole('textbox', { name: 'Query 1' });
    // The plain textarea stands in until CodeMirror has loaded; type into the real editor.
    await expect(editor).toHaveAttribute('contenteditable', 'true');
    await editor.click();
    await page.keyboard.type('count(traces_spanmetrics_calls_total)');
    await expect(editor).toContainText('count(traces_spanmetrics_calls_total)');
    // Ctrl+Enter runs even while the completion list is open (Enter would pick a completion, and the
    // list opens asynchronously, so pressing Escape first would race it).
    await page.keyboard.press('Control+Enter');
    await expect(page).toHaveURL(/query=count%28traces_spanmetrics_calls_total%29/);

    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Table' }).click();
    await expect(page).toHaveURL(/view=table/);
    const table = page.getByRole('table');
    await expect(table).toContainText('Query 1: count(traces_spanmetrics_calls_total)');
    await expect(table.getByRole('row')).toHaveCount(2); // header + the one series
  });
});
