import { describe, expect, it } from 'vitest';
import { bySignalService, serviceOverviewHref } from '@/lib/golden-signals';

describe('golden signals', () => {
  it('keys series by service and takes the last finite value', () => {
    const m = bySignalService([
      { labels: { service: 'payment' }, points: [{ t: 1, v: 1 }, { t: 2, v: 2 }, { t: 3, v: NaN }] },
      { labels: {}, points: [{ t: 1, v: 5 }] },
    ]);
    expect([...m.keys()]).toEqual(['payment']);
    expect(m.get('payment')).toEqual({ values: [1, 2, null], last: 2 });
  });

  it('links to the Service overview with the variable and the range', () => {
    expect(serviceOverviewHref('pay ment', { from: 'now-1h', to: 'now' }))
      .toBe('/dashboards/service-overview?var-service=pay+ment&from=now-1h&to=now');
  });
});
