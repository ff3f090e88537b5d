import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDashboard, parseDashboardJson, parseDashboardModel, uidFromTitle } from '@/lib/dashboards/model';

const base = {
  schemaVersion: 1, uid: 'x', title: 'X',
  panels: [{ id: 1, type: 'timeseries', title: 'a', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ expr: 'up' }] }],
};

describe('dashboard model', () => {
  it('fills defaults for tags, variables and panel options', () => {
    const r = parseDashboardModel(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.model.tags).toEqual([]);
    expect(r.model.variables).toEqual([]);
    expect(r.model.panels[0].options).toEqual({ unit: 'auto', stacked: false, thresholds: [], exemplars: true });
  });

  it('rejects another schema version', () => {
    const r = parseDashboardModel({ ...base, schemaVersion: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^schemaVersion:/);
  });

  it('rejects a panel that overflows the 12-column grid, with its path', () => {
    const r = parseDashboardModel({ ...base, panels: [{ ...base.panels[0], gridPos: { x: 8, y: 0, w: 6, h: 4 } }] });
    expect(r).toEqual({ ok: false, message: 'panels.0.gridPos: x + w must be at most 12' });
  });

  it('rejects duplicate panel ids and variable names', () => {
    const panels = [base.panels[0], { ...base.panels[0] }];
    expect(parseDashboardModel({ ...base, panels }).ok).toBe(false);
    const v = { name: 'service', type: 'custom', options: ['a'] };
    const r = parseDashboardModel({ ...base, variables: [v, v] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('defined twice');
  });

  it('needs a query for query variables and queries for metric panels, not for logs/traces panels', () => {
    expect(parseDashboardModel({ ...base, variables: [{ name: 'v', type: 'query' }] }).ok).toBe(false);
    expect(parseDashboardModel({ ...base, panels: [{ ...base.panels[0], targets: [] }] }).ok).toBe(false);
    expect(parseDashboardModel({ ...base, panels: [{ ...base.panels[0], type: 'logs', targets: [], search: { service: '$service' } }] }).ok).toBe(true);
  });

  it('rejects unsafe uids and invalid JSON with a readable message', () => {
    expect(parseDashboardModel({ ...base, uid: '../etc' }).ok).toBe(false);
    const r = parseDashboardJson('{nope');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^not JSON/);
  });

  it('accepts the provisioned Service overview', () => {
    const text = fs.readFileSync(path.join(__dirname, '../../../../dashboards/service-overview.json'), 'utf8');
    const r = parseDashboardJson(text);
    expect(r.ok ? r.model.panels.map((p) => p.type) : r.message).toEqual(
      ['stat', 'stat', 'stat', 'timeseries', 'timeseries', 'timeseries', 'table', 'logs', 'traces']);
  });

  it('round-trips an empty dashboard and makes url-safe uids', () => {
    expect(parseDashboardModel(emptyDashboard('a-1', 'A')).ok).toBe(true);
    expect(uidFromTitle('My  Dashboard!', () => 0)).toBe('my-dashboard-000000');
    expect(uidFromTitle('***', () => 0.5)).toMatch(/^dashboard-[0-9a-z]{6}$/);
  });
});
