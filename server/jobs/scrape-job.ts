import path from 'node:path';
import { serverEnv } from '@/server/env';
import { storeBatch } from '@/server/store/ingest-writer';
import { ScrapeConfigWatcher } from '@/server/scrape/config';
import { ScrapeManager } from '@/server/scrape/scrape-loop';
import { recordConfigError, recordConfigLoaded } from '@/server/scrape/targets-state';

/**
 * Prometheus scraping job: loads the scrape config from SIGHTLINE_CONFIG (./sightline.yaml by default;
 * a missing file means nothing to scrape), reloads it when the file changes (polled every 2 s), and
 * runs one scrape loop per target through the ordinary write queue. A bad config keeps the previous one
 * in force; its error is logged and shown on /targets. stopScrapeJob() stops the loops without
 * staleness markers (a restart is not the end of every series).
 */

const KEY = Symbol.for('sightline.scrapeJob');

interface JobState {
  watcher: ScrapeConfigWatcher;
  manager: ScrapeManager;
  stopped: boolean;
}

type Holder = { [KEY]?: JobState };

/** Starts the job once per process (idempotent across Next bundles). */
export function startScrapeJob(): void {
  const holder = globalThis as Holder;
  if (holder[KEY]) return;
  const configPath = path.resolve(serverEnv().SIGHTLINE_CONFIG);
  const manager = new ScrapeManager({
    store: storeBatch,
    normalizeFloatLabels: serverEnv().SIGHTLINE_PROMETHEUS_COMPAT === '3',
    log: (message) => console.warn(`[sightline] ${message}`),
  });
  const watcher = new ScrapeConfigWatcher({
    path: configPath,
    onConfig: (loaded) => {
      recordConfigLoaded(configPath, loaded.found, loaded.config.jobs.map((j) => j.jobName), Date.now());
      manager.apply(loaded.targets);
      if (loaded.found) {
        console.log(`[sightline] scrape config ${configPath}: ${loaded.config.jobs.length} job(s), ${loaded.targets.length} target(s)`);
      }
    },
    onError: (err) => {
      recordConfigError(configPath, err.message, Date.now());
      console.error(`[sightline] scrape config ${configPath} not applied (the previous one stays in force): ${err.message}`);
    },
  });
  holder[KEY] = { watcher, manager, stopped: false };
  watcher.start();
}

/** Stops watching and scraping. Never throws; a second call does nothing. */
export function stopScrapeJob(): void {
  const state = (globalThis as Holder)[KEY];
  if (!state || state.stopped) return;
  state.stopped = true;
  try {
    state.watcher.stop();
    state.manager.stop();
  } catch (err) {
    console.error('[sightline] scrape: stop failed', err);
  }
}
