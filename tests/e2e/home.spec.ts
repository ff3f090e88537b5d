import { expect, test } from '@playwright/test';
import { HomePage } from './page-objects/home-page';
import { MAIN_NAV_LINKS } from './page-objects/top-bar';

test.describe('Home', () => {
  test('shows the console shell and the Services heading', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto();

    await test.step('main navigation lists every view, Home marked current', async () => {
      for (const name of MAIN_NAV_LINKS) await expect(home.topBar.navLink(name)).toBeVisible();
      await expect(home.topBar.navLink('Home')).toHaveAttribute('aria-current', 'page');
      await expect(home.topBar.navLink('Traces')).not.toHaveAttribute('aria-current', /.+/);
    });

    await test.step('Services heading and default time range', async () => {
      await expect(home.heading).toBeVisible();
      await expect(home.topBar.timeRangeButton).toHaveAccessibleName('Time range: Last 1 hour');
    });

    await test.step('services table or the empty state once loaded', async () => {
      await expect(home.servicesTable.or(home.emptyState)).toBeVisible();
    });
  });

  test('a quick range goes into the URL and nav links carry it', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto();

    await home.topBar.chooseQuickRange('Last 6 hours');
    await expect(page).toHaveURL(/[?&]from=now-6h&to=now/);
    await expect(home.topBar.timeRangeButton).toHaveAccessibleName('Time range: Last 6 hours');
    await expect(home.topBar.navLink('Traces')).toHaveAttribute('href', '/traces?from=now-6h&to=now');

    await home.topBar.navLink('Traces').click();
    await expect(page).toHaveURL(/\/traces\?from=now-6h&to=now$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Traces' })).toBeVisible();
    await expect(home.topBar.navLink('Traces')).toHaveAttribute('aria-current', 'page');
    await expect(home.topBar.timeRangeButton).toHaveAccessibleName('Time range: Last 6 hours');
  });

  test('the absolute range form rejects an inverted range', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto();

    await home.topBar.applyAbsoluteRange('now', 'now-1h');
    await expect(home.topBar.timeRangeDialog.getByRole('alert')).toContainText('"from" (now) must be before "to" (now-1h)');
    await expect(page).not.toHaveURL(/from=/);
  });
});
