import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, startServer, type RunningServer } from '../helpers/server';

/**
 * Dashboards over the real built server: the tRPC API (superjson over HTTP, as the console sends it),
 * provisioning from a temporary folder (start, change, removal, a broken file), the annotations HTTP API
 * and the automatic annotation for a new service.version. Its own server, so the folder is its own.
 */
let server: RunningServer;
let dir: string;

async function trpcQuery(proc: string, input: unknown): Promise<{ status: number; body: { result?: { data: { json: unknown } }; error?: { json: { message: string; data: { code: string } } } } }> {
  const res = await fetch(`${server.url}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  return { status: res.status, body: await res.json() };
}

async function trpcMutation(proc: string, input: unknown) {
  const res = await fetch(`${server.url}/api/trpc/${proc}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: input }),
  });
  return { status: res.status, body: (await res.json()) as { result?: { data: { json: unknown } }; error?: { json: { message: string; data: { code: string } } } } };
}

const data = <T>(r: { body: { result?: { data: { json: unknown } } } }) => r.body.result?.data.json as T;

async function poll<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

interface ListResult { dashboards: { uid: string; title: string; version: number; provisioned: boolean }[]; problems: { path: string; message: string }[] }
const list = async () => data<ListResult>(await trpcQuery('dashboards.list', {}));

const model = (uid: string, title: string) => ({
  schemaVersion: 1, uid, title, tags: ['it'],
  variables: [{ name: 'service', type: 'custom', options: ['a', 'b'], multi: true }],
  panels: [{ id: 1, type: 'timeseries', title: 'Rate', gridPos: { x: 0, y: 0, w: 6, h: 6 }, targets: [{ expr: 'sum(rate(x{service=~"$service"}[1m]))' }] }],
});

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-dashboards-'));
  fs.copyFileSync(path.join(projectRoot, 'dashboards/service-overview.json'), path.join(dir, 'service-overview.json'));
  fs.writeFileSync(path.join(dir, 'broken.json'), '{"schemaVersion": 1, "uid": "broken", "title": "Broken", "panels": [{"id": 1}]}');
  server = await startServer({ SIGHTLINE_DASHBOARDS_DIR: dir });
});
afterAll(async () => { await server?.stop(); });

describe('dashboard provisioning', () => {
  it('loads valid files at start and reports the broken one without affecting the others', async () => {
    const l = await list();
    expect(l.dashboards.map((d) => [d.uid, d.provisioned])).toContainEqual(['service-overview', true]);
    expect(l.dashboards.some((d) => d.uid === 'broken')).toBe(false);
    expect(l.problems).toEqual([{ path: path.join(dir, 'broken.json'), message: expect.stringContaining('panels.0') }]);
    const got = data<{ model: { panels: unknown[]; variables: { name: string }[] } }>(await trpcQuery('dashboards.get', { uid: 'service-overview' }));
    expect(got.model.panels).toHaveLength(9);
    expect(got.model.variables[0].name).toBe('service');
  });

  it('picks up new, fixed, changed and removed files', async () => {
    fs.writeFileSync(path.join(dir, 'extra.json'), JSON.stringify(model('extra', 'Extra')));
    fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(model('broken', 'Fixed')));
    let l = await poll(list, (x) => x.dashboards.some((d) => d.uid === 'extra') && x.problems.length === 0);
    expect(l.dashboards.find((d) => d.uid === 'broken')?.title).toBe('Fixed');
    expect(l.problems).toEqual([]);

    fs.writeFileSync(path.join(dir, 'extra.json'), JSON.stringify(model('extra', 'Extra v2')));
    l = await poll(list, (x) => x.dashboards.some((d) => d.title === 'Extra v2'));
    expect(l.dashboards.find((d) => d.uid === 'extra')).toMatchObject({ title: 'Extra v2', version: 2 });

    fs.rmSync(path.join(dir, 'extra.json'));
    l = await poll(list, (x) => !x.dashboards.some((d) => d.uid === 'extra'));
    expect(l.dashboards.some((d) => d.uid === 'extra')).toBe(false);
  });
});

describe('dashboards API', () => {
  const uid = `it-${randomBytes(4).toString('hex')}`;

  it('creates, saves with an optimistic version check, duplicates, exports, imports and deletes', async () => {
    expect(data(await trpcMutation('dashboards.create', { model: model(uid, 'IT board') }))).toEqual({ uid, version: 1 });
    const again = await trpcMutation('dashboards.create', { model: model(uid, 'IT board') });
    expect(again.body.error?.json.data.code).toBe('CONFLICT');

    const saved = await trpcMutation('dashboards.update', { uid, version: 1, model: { ...model(uid, 'IT board v2') } });
    expect(data(saved)).toEqual({ uid, version: 2 });
    const stale = await trpcMutation('dashboards.update', { uid, version: 1, model: model(uid, 'stale') });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.json.message).toMatch(/saved by someone else \(version 2/);

    const bad = await trpcMutation('dashboards.update', { uid, version: 2, model: { ...model(uid, 'x'), panels: [{ id: 1, type: 'table', title: 't', gridPos: { x: 10, y: 0, w: 6, h: 2 }, targets: [{ expr: 'up' }] }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.json.message).toContain('panels.0.gridPos: x + w must be at most 12');

    const dup = data<{ uid: string }>(await trpcMutation('dashboards.duplicate', { uid }));
    expect(dup.uid).toMatch(/^it-board-v2-copy-/);

    const exported = data<{ filename: string; json: string }>(await trpcQuery('dashboards.export', { uid }));
    expect(exported.filename).toBe(`${uid}.json`);
    const parsed = JSON.parse(exported.json) as { title: string; uid: string };
    expect(parsed.title).toBe('IT board v2');
    const imported = await trpcMutation('dashboards.import', { json: JSON.stringify({ ...parsed, uid: `${uid}-imported` }) });
    expect(data(imported)).toEqual({ uid: `${uid}-imported`, version: 1 });
    const notJson = await trpcMutation('dashboards.import', { json: '{oops' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error?.json.message).toContain('not JSON');

    const searched = data<ListResult>(await trpcQuery('dashboards.list', { search: 'it board v2' }));
    expect(searched.dashboards.map((d) => d.uid).sort()).toEqual([dup.uid, uid, `${uid}-imported`].sort());

    expect((await trpcMutation('dashboards.delete', { uid })).status).toBe(200);
    expect((await trpcQuery('dashboards.get', { uid })).status).toBe(404);
    expect((await trpcMutation('dashboards.delete', { uid })).status).toBe(404);
  });
});

describe('annotations API', () => {
  const post = (body: unknown, type = 'application/json') => fetch(`${server.url}/api/annotations`, {
    method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body),
  });

  it('stores an annotation and lists it by range and service', async () => {
    const t = Date.now() - 60_000;
    const res = await post({ time: new Date(t).toISOString(), text: 'deploy 1.2.3', tags: ['deploy'], service: 'checkout' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: number; timeMs: number; source: string };
    expect(created).toMatchObject({ timeMs: t, source: 'api' });

    const get = async (qs: string) => ((await (await fetch(`${server.url}/api/annotations?${qs}`)).json()) as { annotations: { id: number; text: string }[] }).annotations;
    expect((await get(`from=${t - 1000}&to=${t + 1000}&service=checkout`)).map((a) => a.id)).toContain(created.id);
    expect((await get(`from=${t - 1000}&to=${t + 1000}&service=other`)).map((a) => a.id)).not.toContain(created.id);
    expect((await get(`from=${t + 1000}&to=${t + 5000}`)).map((a) => a.id)).not.toContain(created.id);
  });

  it('answers 400 with a clear message for bad input', async () => {
    const r1 = await post({ time: 'yesterday', text: '' });
    expect(r1.status).toBe(400);
    const m1 = ((await r1.json()) as { error: string }).error;
    expect(m1).toContain('time: "yesterday" is not a time');
    expect(m1).toContain('text: text must not be empty');
    const r2 = await post('{not json');
    expect(r2.status).toBe(400);
    expect(((await r2.json()) as { error: string }).error).toBe('body is not valid JSON');
    expect((await post({ time: 1, text: 'x' }, 'text/plain')).status).toBe(415);
    const r3 = await fetch(`${server.url}/api/annotations?from=tomorrow`);
    expect(r3.status).toBe(400);
  });

  it('annotates a service that starts reporting a new service.version', async () => {
    const service = `versioned-${randomBytes(3).toString('hex')}`;
    const send = async (version: string) => {
      const now = BigInt(Date.now()) * 1_000_000n;
      const res = await fetch(`${server.url}/v1/traces`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ resourceSpans: [{
          resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }, { key: 'service.version', value: { stringValue: version } }] },
          scopeSpans: [{ scope: { name: 'it' }, spans: [{ traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), name: 'op', kind: 2, startTimeUnixNano: String(now - 1_000_000n), endTimeUnixNano: String(now) }] }],
        }] }),
      });
      expect(res.status).toBe(200);
    };
    await send('1.0.0');
    await send('1.0.0');
    await send('1.1.0');
    await send('1.0.0'); // a late instance of the old version is not a deploy
    const res = await fetch(`${server.url}/api/annotations?from=now-5m&to=now&service=${service}`);
    const body = (await res.json()) as { annotations: { text: string; source: string; tags: string[] }[] };
    expect(body.annotations.filter((a) => a.source === 'auto')).toEqual([
      expect.objectContaining({ text: `${service} 1.1.0 (was 1.0.0)`, tags: ['deploy', 'service.version'] }),
    ]);
  });
});
