import pkg from '@/package.json';
import type { PromSuccess } from './http';
import type { PromParams } from './params';
import { getTargetsSnapshot } from '@/server/scrape/targets-state';

/** GET /api/v1/status/buildinfo: Prometheus's fields; the version is Sightline's. */
export function buildinfoVerb(): PromSuccess {
  return {
    data: {
      version: pkg.version,
      revision: process.env.SIGHTLINE_REVISION ?? '',
      branch: '',
      buildUser: '',
      buildDate: '',
      goVersion: '',
    },
  };
}

/**
 * GET /api/v1/targets: state=active|dropped|any (other values: any, as Prometheus) and scrapePool
 * filter; a filtered-out list is still returned, empty.
 */
export function targetsVerb(p: PromParams): PromSuccess {
  const snapshot = getTargetsSnapshot();
  const state = (p.get('state') ?? 'any').toLowerCase();
  const pool = p.get('scrapePool');
  const inPool = <T extends { scrapePool: string }>(list: T[]) => (pool === undefined ? list : list.filter((t) => t.scrapePool === pool));
  return {
    data: {
      activeTargets: state === 'dropped' ? [] : inPool(snapshot.activeTargets),
      droppedTargets: state === 'active' ? [] : inPool(snapshot.droppedTargets),
    },
  };
}
