import type { Locator, Page } from '@playwright/test';

/** /dashboards/<uid>: panels are regions named by their titles. */
export class DashboardPage {
  readonly heading: Locator;
  readonly serviceVariable: Locator;
  readonly refresh: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.serviceVariable = page.getByRole('group', { name: 'Variables' }).getByLabel('Service');
    this.refresh = page.getByLabel('Auto-refresh');
  }

  async goto(uid: string, query = ''): Promise<void> {
    await this.page.goto(`/dashboards/${uid}${query}`);
  }

  panel(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
