import { listTargets } from '@/server/scrape/targets-state';
import { callVerb } from '../errors';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const targetsRouter = createTRPCRouter({
  /**
   * Scrape targets as Prometheus's /api/v1/targets `data` (activeTargets with health, lastError,
   * lastScrape, …, plus samples per scrape) and the config file's state (path, found, reload error).
   */
  list: publicProcedure.query(() => callVerb(() => listTargets())),
});
