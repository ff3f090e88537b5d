import { expect, test } from '@playwright/test';

// Runs against the demo shop's data (global setup), with the payment incident on: payment is slow and fails.
test.describe('Traces', () => {
  test('search, open the slowest payment trace, explore the waterfall, follow its logs', async ({ page }) => {
    await page.goto('/traces?from=now-30m&to=now');
    const search = page.getByRole('search', { name: 'Trace search' });
    await expect(search.getByRole('combobox', { name: 'Service' }).getByRole('option', { name: 'payment' })).toBeAttached();
    await search.getByRole('combobox', { name: 'Service' }).selectOption('payment');
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/service=payment/);
    await page.getByRole('combobox', { name: 'Sort' }).selectOption('slowest');
    await expect(page).toHaveURL(/sort=slowest/);

    const results = page.getByRole('table');
    await expect(results.getByRole('row')).not.toHaveCount(1); // more than the header row
    // The scatter's dots are links named by trace id.
    await expect(page.getByRole('link', { name: /^Trace [0-9a-f]{32}:/ }).first()).toBeAttached();
    await results.getByRole('link', { name: /trace [0-9a-f]{32}/ }).first().click();

    await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}\?/);
    await expect(page).toHaveURL(/from=now-30m/); // the time range is kept
    const spans = page.getByRole('list', { name: /Spans of trace/ });
    const paymentSpan = spans.getByRole('button', { name: /^payment POST \/charge/ });
    await expect(paymentSpan).toBeVisible();

    // Collapse the payment span's subtree, then expand it again.
    const child = spans.getByRole('button', { name: /^payment card-processor\.authorize/ });
    await expect(child).toBeVisible();
    await spans.getByRole('button', { name: /^Collapse POST \/charge/ }).last().click();
    await expect(child).toHaveCount(0);
    await spans.getByRole('button', { name: /^Expand POST \/charge/ }).click();
    await expect(child).toBeVisible();
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await expect(paymentSpan).toHaveCount(0);
    await page.getByRole('button', { name: 'Expand all' }).click();
    await expect(paymentSpan).toBeVisible();

    // Select a span: its details show its attributes, and the URL names it.
    await paymentSpan.click();
    const details = page.getByRole('complementary', { name: /Span details: POST \/charge/ });
    await expect(details).toBeVisible();
    await expect(page).toHaveURL(/span=[0-9a-f]{16}/);
    const attributes = details.getByRole('region', { name: 'Span attributes' });
    await expect(attributes.getByText('http.request.method', { exact: true })).toBeVisible();
    await expect(details.getByRole('region', { name: 'Resource attributes' }).getByText('service.name', { exact: true })).toBeVisible();

    // Follow "Logs for this trace": the logs page lists this trace's records.
    const traceId = /\/traces\/([0-9a-f]{32})/.exec(page.url())![1];
    await page.getByRole('link', { name: /^Logs for this trace/ }).click();
    await expect(page).toHaveURL(new RegExp(`/logs\\?traceId=${traceId}&from=\\d+&to=\\d+`));
    await expect(page.getByRole('heading', { name: 'Logs' })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  });

  test('an unknown trace id waits, and a malformed one is refused', async ({ page }) => {
    await page.goto(`/traces/${'ab'.repeat(16)}`);
    await expect(page.getByRole('status').filter({ hasText: 'Waiting for trace' })).toBeVisible();
    await page.goto('/traces');
    await page.getByRole('textbox', { name: 'Trace ID' }).fill('not-a-trace');
    await page.getByRole('button', { name: 'Open trace' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '32 hexadecimal' })).toBeVisible();
  });
});
