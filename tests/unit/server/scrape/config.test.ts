import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_BODY_SIZE_LIMIT,
  ScrapeConfigError,
  ScrapeConfigWatcher,
  formatPromDuration,
  loadScrapeConfigFile,
  parseByteSize,
  parsePromDuration,
  parseScrapeConfig,
  resolveTargets,
  type LoadedConfigFile,
} from '@/server/scrape/config';

describe('Prometheus durations', () => {
  it.each([
    ['0', 0], ['1ms', 1], ['15s', 15_000], ['1m', 60_000], ['1h30m', 5_400_000], ['1d', 86_400_000], ['1w', 604_800_000],
    ['1y', 31_536_000_000], ['2h45m30s500ms', 9_930_500], ['90s', 90_000],
  ])('%s = %i ms', (text, ms) => {
    expect(parsePromDuration(text)).toBe(ms);
  });

  it.each(['', '1', '1.5s', '1s1m', 's', '-1s', '1 s', '1S', '10sec', '1m 30s'])('rejects %j', (text) => {
    expect(() => parsePromDuration(text)).toThrow(ScrapeConfigError);
  });

  it.each([[0, '0s'], [500, '500ms'], [15_000, '15s'], [60_000, '1m'], [90_000, '1m30s'], [86_400_000 + 1000, '1d1s'], [604_800_000, '1w']])('formats %i as %s', (ms, text) => {
    expect(formatPromDuration(ms)).toBe(text);
  });
});

describe('byte sizes', () => {
  it.each([['0', 0], ['100', 100], ['512KB', 524_288], ['16MB', 16_777_216], ['1GiB', 1_073_741_824], ['2kib', 2048]])('%s = %i', (text, n) => {
    expect(parseByteSize(text)).toBe(n);
  });
  it('rejects nonsense', () => {
    expect(() => parseByteSize('lots')).toThrow(/not a valid size/);
  });
});

describe('parseScrapeConfig', () => {
  it('applies Prometheus defaults', () => {
    const cfg = parseScrapeConfig('scrape_configs:\n  - job_name: app\n    static_configs:\n      - targets: ["127.0.0.1:9100"]\n');
    expect(cfg.scrapeIntervalMs).toBe(60_000);
    expect(cfg.scrapeTimeoutMs).toBe(10_000);
    expect(cfg.jobs).toEqual([{
      jobName: 'app', scrapeIntervalMs: 60_000, scrapeTimeoutMs: 10_000, metricsPath: '/metrics', scheme: 'http', params: {},
      honorLabels: false, honorTimestamps: true, sampleLimit: 0, labelLimit: 0, labelNameLengthLimit: 0, labelValueLengthLimit: 0,
      bodySizeLimitBytes: DEFAULT_BODY_SIZE_LIMIT, staticConfigs: [{ targets: ['127.0.0.1:9100'], labels: {} }],
    }]);
  });

  it('takes job settings over global ones, and caps an unset timeout at the interval', () => {
    const cfg = parseScrapeConfig(`
global:
  scrape_interval: 5s
  sample_limit: 100
  label_limit: 30
scrape_configs:
  - job_name: fast
    static_configs: [{ targets: [a:1] }]
  - job_name: slow
    scrape_interval: 2m
    scrape_timeout: 30s
    metrics_path: /stats
    scheme: https
    params: { module: [http_2xx] }
    honor_labels: true
    honor_timestamps: false
    sample_limit: 5
    label_name_length_limit: 10
    label_value_length_limit: 20
    body_size_limit: 1MB
    static_configs:
      - targets: ['b:2', 'c:3']
        labels: { env: prod, tier: 1 }
`);
    expect(cfg.scrapeIntervalMs).toBe(5000);
    expect(cfg.scrapeTimeoutMs).toBe(5000);
    expect(cfg.jobs[0]).toMatchObject({ scrapeIntervalMs: 5000, scrapeTimeoutMs: 5000, sampleLimit: 100, labelLimit: 30 });
    expect(cfg.jobs[1]).toMatchObject({
      scrapeIntervalMs: 120_000, scrapeTimeoutMs: 30_000, metricsPath: '/stats', scheme: 'https', params: { module: ['http_2xx'] },
      honorLabels: true, honorTimestamps: false, sampleLimit: 5, labelLimit: 30, labelNameLengthLimit: 10, labelValueLengthLimit: 20,
      bodySizeLimitBytes: 1_048_576, staticConfigs: [{ targets: ['b:2', 'c:3'], labels: { env: 'prod', tier: '1' } }],
    });
  });

  it('reads an empty file, or one with other sections only, as nothing to scrape', () => {
    expect(parseScrapeConfig('').jobs).toEqual([]);
    expect(parseScrapeConfig('# nothing yet\n').jobs).toEqual([]);
    expect(parseScrapeConfig('dashboards: []\n').jobs).toEqual([]);
    expect(parseScrapeConfig('scrape_configs:\n').jobs).toEqual([]);
  });

  it.each([
    ['scrape_configs: [\n', /invalid YAML/],
    ['a: 1\na: 2\n', /invalid YAML: Map keys must be unique/],
    ['- 1\n', /must be a YAML mapping/],
    ['scrape_configs:\n  - static_configs: []\n', /scrape_configs\[0\]\.job_name/],
    ['scrape_configs:\n  - job_name: a\n  - job_name: a\n', /multiple scrape configs with job name "a"/],
    ['global: { scrape_interval: 10 }\n', /global\.scrape_interval: not a valid duration string: "10"/],
    ['global: { scrape_interval: [1] }\n', /global\.scrape_interval: expected a duration string/],
    ['global: { scrape_interval: 1x }\n', /not a valid duration string: "1x"/],
    ['global: { scrape_interval: 0 }\n', /must be greater than 0/],
    ['global: { scrape_interval: 5s, scrape_timeout: 10s }\n', /scrape_timeout \(10s\) is greater than scrape_interval \(5s\)/],
    ['scrape_configs:\n  - job_name: a\n    scrape_interval: 5s\n    scrape_timeout: 6s\n', /\(a\): scrape_timeout \(6s\) is greater than scrape_interval \(5s\)/],
    ['scrape_configs:\n  - job_name: a\n    relabel_configs: []\n', /scrape_configs\[0\]: Unrecognized key: "relabel_configs"/],
    ['scrape_configs:\n  - job_name: a\n    static_configs: [{ targets: ["http://x:1/metrics"] }]\n', /"host:port"/],
    ['scrape_configs:\n  - job_name: a\n    static_configs: [{ targets: [x], labels: { "bad-name": v } }]\n', /invalid label name/],
    ['scrape_configs:\n  - job_name: a\n    metrics_path: metrics\n', /must start with "\/"/],
    ['scrape_configs:\n  - job_name: a\n    scheme: ftp\n', /scheme/],
    ['scrape_configs:\n  - job_name: a\n    sample_limit: -1\n', /sample_limit/],
  ])('rejects %j', (text, message) => {
    expect(() => parseScrapeConfig(text)).toThrow(ScrapeConfigError);
    expect(() => parseScrapeConfig(text)).toThrow(message);
  });

  it('survives a YAML alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => {
      const prev = i === 0 ? 'a' : String.fromCharCode(98 + i - 1);
      const name = String.fromCharCode(98 + i);
      return `${name}: &${name} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
    })].join('\n');
    expect(() => parseScrapeConfig(bomb)).toThrow(ScrapeConfigError);
  });
});

describe('resolveTargets', () => {
  it('gives every target Prometheus labels, URL and discovered labels', () => {
    const cfg = parseScrapeConfig(`
scrape_configs:
  - job_name: shop
    scrape_interval: 15s
    params: { format: [prometheus] }
    static_configs:
      - targets: ['127.0.0.1:4200', '127.0.0.1:4200']
        labels: { env: demo, __hidden: x, empty: '' }
      - targets: ['localhost:9']
        labels: { instance: pinned }
`);
    const targets = resolveTargets(cfg);
    expect(targets).toHaveLength(2);
    expect(targets[0]).toMatchObject({
      scrapePool: 'shop',
      scrapeUrl: 'http://127.0.0.1:4200/metrics?format=prometheus',
      labels: { env: 'demo', instance: '127.0.0.1:4200', job: 'shop' },
      discoveredLabels: {
        __address__: '127.0.0.1:4200', __hidden: 'x', __metrics_path__: '/metrics', __param_format: 'prometheus', __scheme__: 'http',
        __scrape_interval__: '15s', __scrape_timeout__: '10s', empty: '', env: 'demo', job: 'shop',
      },
    });
    expect(Object.keys(targets[0].labels)).toEqual(['env', 'instance', 'job']);
    expect(targets[1].labels).toEqual({ instance: 'pinned', job: 'shop' });
    expect(targets[0].key).not.toBe(targets[1].key);
  });
});

describe('config file and watcher', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-scrape-config-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('treats a missing file as nothing to scrape', () => {
    const loaded = loadScrapeConfigFile(path.join(tempDir(), 'absent.yaml'));
    expect(loaded.found).toBe(false);
    expect(loaded.targets).toEqual([]);
  });

  it('reloads on change, keeps the previous config on error, and does not repeat an unchanged one', async () => {
    const file = path.join(tempDir(), 'sightline.yaml');
    const yaml = (job: string) => `scrape_configs:\n  - job_name: ${job}\n    static_configs: [{ targets: ['127.0.0.1:1'] }]\n`;
    fs.writeFileSync(file, yaml('one'));
    const configs: LoadedConfigFile[] = [];
    const errors: string[] = [];
    const watcher = new ScrapeConfigWatcher({ path: file, pollIntervalMs: 20, onConfig: (c) => configs.push(c), onError: (e) => errors.push(e.message) });
    watcher.start();
    try {
      expect(configs.map((c) => c.config.jobs[0].jobName)).toEqual(['one']);
      const waitFor = async (check: () => boolean) => {
        const deadline = Date.now() + 5000;
        while (!check()) {
          if (Date.now() > deadline) throw new Error('timed out');
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      fs.writeFileSync(file, 'scrape_configs: [\n');
      await waitFor(() => errors.length === 1);
      expect(errors[0]).toMatch(/invalid YAML/);
      expect(configs).toHaveLength(1);
      watcher.reload(); // the same bad text is reported once
      expect(errors).toHaveLength(1);

      // Reverting to the text in force applies it again (it also clears the error upstream).
      fs.writeFileSync(file, yaml('one'));
      await waitFor(() => configs.length === 2);
      expect(configs[1].config.jobs[0].jobName).toBe('one');

      fs.writeFileSync(file, yaml('two'));
      await waitFor(() => configs.length === 3);
      expect(configs[2].config.jobs[0].jobName).toBe('two');

      watcher.reload(); // same text: nothing new
      expect(configs).toHaveLength(3);

      fs.rmSync(file);
      await waitFor(() => configs.length === 4);
      expect(configs[3].found).toBe(false);
    } finally {
      watcher.stop();
    }
  });
});
