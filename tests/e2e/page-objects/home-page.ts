import type { Locator, Page } from '@playwright/test';
import { TopBar } from './top-bar';

/** Home: the services seen in the current time range. */
export class HomePage {
  readonly topBar: TopBar;
  readonly heading: Locator;
  readonly servicesTable: Locator;
  readonly emptyState: Locator;

  constructor(private readonly page: Page) {
    this.topBar = new TopBar(page);
    this.heading = page.getByRole('heading', { level: 1, name: 'Services' });
    this.servicesTable = page.getByRole('table');
    this.emptyState = page.getByRole('heading', { name: /^No data received/ });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
  }

  /** Service names in table order; each body row's header cell holds the name. */
  async serviceNames(): Promise<string[]> {
    const rowHeaders = this.servicesTable.getByRole('rowheader');
    const names = await rowHeaders.allInnerTexts();
    return names.map((name) => name.trim());
  }

  /** The table row for one service, for reading its counts. */
  serviceRow(serviceName: string): Locator {
    return this.servicesTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: serviceName, exact: true }) });
  }
}
