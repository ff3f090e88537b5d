import type { Locator, Page } from '@playwright/test';

export const MAIN_NAV_LINKS = ['Home', 'Explore', 'Traces', 'Logs', 'Dashboards'] as const;
export type MainNavLinkName = (typeof MAIN_NAV_LINKS)[number];

/** The console's top bar: main navigation and the time-range picker. */
export class TopBar {
  readonly nav: Locator;
  readonly timeRangeButton: Locator;
  readonly timeRangeDialog: Locator;

  constructor(page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.timeRangeButton = page.getByRole('button', { name: /^Time range:/ });
    this.timeRangeDialog = page.getByRole('dialog', { name: 'Choose time range' });
  }

  navLink(name: MainNavLinkName): Locator {
    return this.nav.getByRole('link', { name, exact: true });
  }

  async chooseQuickRange(label: string): Promise<void> {
    await this.timeRangeButton.click();
    await this.timeRangeDialog.getByRole('button', { name: label, exact: true }).click();
  }

  async applyAbsoluteRange(from: string, to: string): Promise<void> {
    await this.timeRangeButton.click();
    const dialog = this.timeRangeDialog;
    await dialog.getByLabel('From', { exact: true }).fill(from);
    await dialog.getByLabel('To', { exact: true }).fill(to);
    await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  }
}
