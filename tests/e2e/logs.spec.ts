import { expect, test } from '@playwright/test';

// Runs against the demo shop's data (global setup), with the payment incident on: payments fail with
// "payment declined: gateway timeout" errors logged inside their spans.
test.describe('Logs', () => {
  test('search the payment errors, open a record’s trace, come back to only that trace’s logs', async ({ page }) => {
    await page.goto('/logs?from=now-30m&to=now');
    const search = page.getByRole('search', { name: 'Log search' });
    await search.getByRole('searchbox', { name: 'Search log bodies' }).fill('declined timeout');
    await search.getByRole('checkbox', { name: 'Error' }).check();
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/q=declined\+timeout/);
    await expect(page).toHaveURL(/severity=error/);

    await expect(page.getByRole('figure').filter({ hasText: 'Log volume' })).toBeVisible();
    const results = page.getByRole('table');
    const rows = results.getByRole('row');
    await expect(rows.nth(1)).toContainText('payment declined: gateway timeout');
    await expect(rows.nth(1).locator('mark').first()).toHaveText(/declined|timeout/i);
    await expect(results.getByRole('cell', { name: /gateway timeout/ })).not.toHaveCount(0);

    // Expand a record: every attribute, filter actions, and its context.
    await rows.nth(1).getByRole('button', { name: /^Show details of the payment record/ }).click();
    const attributes = rows.nth(1).getByRole('region', { name: 'Log attributes' });
    await expect(attributes.getByText('order.id', { exact: true })).toBeVisible();
    await expect(rows.nth(1).getByRole('region', { name: 'Resource attributes' }).getByText('service.name', { exact: true })).toBeVisible();
    await rows.nth(1).getByRole('button', { name: 'Show context' }).click();
    await expect(rows.nth(1).getByRole('region', { name: /^Context: payment/ })).toBeVisible();

    // Open the record's trace, then come back with "Logs for this trace".
    const traceLink = rows.nth(1).getByRole('link', { name: /^Open trace [0-9a-f]{32}/ });
    const traceId = /Open trace ([0-9a-f]{32})/.exec((await traceLink.getAttribute('aria-label'))!)![1];
    await traceLink.click();
    await expect(page).toHaveURL(new RegExp(`/traces/${traceId}\\?span=[0-9a-f]{16}`));
    await expect(page.getByRole('list', { name: /Spans of trace/ })).toBeVisible();
    await page.getByRole('link', { name: /^Logs for this trace/ }).click();
    await expect(page).toHaveURL(new RegExp(`/logs\\?traceId=${traceId}&from=\\d+&to=\\d+`));
    await expect(page.getByRole('link', { name: 'Back to the trace' })).toBeVisible();
    const traceRows = page.getByRole('table').getByRole('row');
    await expect(traceRows.nth(1)).toBeVisible();
    const count = await traceRows.count();
    expect(count).toBeGreaterThan(1);
    // Every record listed belongs to this trace.
    await expect(page.getByRole('table').getByRole('link', { name: new RegExp(`^Open trace ${traceId}`) })).toHaveCount(count - 1);
    await expect(page.getByRole('table').getByRole('link', { name: /^Open trace / })).toHaveCount(count - 1);

    // Span scope, and the toggle to the whole trace.
    const spanLabel = await page.getByRole('table').getByRole('link', { name: /at span [0-9a-f]{16}$/ }).first().getAttribute('aria-label');
    const spanId = /at span ([0-9a-f]{16})$/.exec(spanLabel!)![1];
    await page.goto(`${page.url()}&spanId=${spanId}`);
    const scope = page.getByRole('group', { name: 'Scope' });
    await expect(scope.getByRole('button', { name: 'This span' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('table').getByRole('link', { name: new RegExp(`at span ${spanId}$`) }).first()).toBeVisible();
    const spanRows = await page.getByRole('table').getByRole('row').count();
    await expect(page.getByRole('table').getByRole('link', { name: /^Open trace / })).toHaveCount(spanRows - 1);
    await expect(page.getByRole('table').getByRole('link', { name: new RegExp(`at span ${spanId}$`) })).toHaveCount(spanRows - 1);
    await scope.getByRole('button', { name: 'Whole trace' }).click();
    await expect(page).toHaveURL(/scope=trace/);
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(count);
  });

  test('clicking a bar of the volume histogram narrows the time range to it', async ({ page }) => {
    await page.goto('/logs?from=now-30m&to=now&service=payment');
    const chart = page.getByRole('figure').filter({ hasText: 'Log volume' });
    await expect(chart).toBeVisible();
    await chart.locator('.recharts-bar-rectangle path').last().click();
    await expect(page).toHaveURL(/from=\d{13}&to=\d{13}/);
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  });

  test('filter for an attribute value from an expanded record', async ({ page }) => {
    await page.goto('/logs?from=now-30m&to=now&service=payment&q=charging');
    const first = page.getByRole('table').getByRole('row').nth(1);
    await first.getByRole('button', { name: /^Show details/ }).click();
    await first.getByRole('button', { name: /^Filter for order\.id=/ }).click();
    await expect(page).toHaveURL(/attr=order\.id%3D/);
    await expect(page.getByRole('listitem').filter({ hasText: /^order\.id=/ })).toBeVisible(); // the filter chip
    await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('charging card');
    // The chip removes its filter from the form.
    const chips = page.getByRole('list', { name: 'Attribute filters' });
    await chips.getByRole('button', { name: /^Remove filter order\.id=/ }).click();
    await expect(chips).toHaveCount(0);
  });

  test('live tail shows a new record within seconds, and pauses', async ({ page, request }) => {
    const marker = `e2etail${Date.now()}`;
    await page.goto(`/logs?q=${marker}`);
    await page.getByRole('button', { name: 'Live tail' }).click();
    await expect(page).toHaveURL(/live=1/);
    const tail = page.getByRole('region', { name: 'Live tail' });
    await expect(tail.getByRole('status').filter({ hasText: /^Live/ })).toBeVisible();
    const post = (msg: string) => request.post('/api/logs/ndjson', { data: JSON.stringify({ msg, level: 'warn', service: 'e2e-tail' }) + '\n', headers: { 'content-type': 'application/x-ndjson' } });
    expect((await post(`${marker} first`)).status()).toBe(200);
    await expect(tail.getByRole('cell', { name: `${marker} first` })).toBeVisible({ timeout: 10_000 });

    await tail.getByRole('button', { name: 'Pause' }).click();
    await expect(tail.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
    await post(`${marker} second`);
    await page.waitForTimeout(2_000);
    await expect(tail.getByRole('cell', { name: `${marker} second` })).toHaveCount(0);
    await tail.getByRole('button', { name: 'Resume' }).click();
    await expect(tail.getByRole('cell', { name: `${marker} second` })).toBeVisible({ timeout: 10_000 });
  });
});
