/**
 * Steady synthetic traffic against the gateway: checkouts plus cheaper browsing
 * requests, with exponential gaps between arrivals so it looks like real users
 * rather than a metronome. Runs in the supervisor process, uninstrumented, so each
 * trace starts at the gateway.
 */
import http from 'node:http';
import { pick } from './sim';
import { USERS } from './services/catalog';

export interface LoadOptions {
  gatewayUrl: string;
  checkoutsPerSecond: number;
  /** Browsing (GET /products, GET /cart) per second. */
  browsesPerSecond: number;
  /** Arrivals are skipped while this many requests are in flight (e.g. during an incident). */
  maxInFlight?: number;
}

export interface LoadStats {
  sent: number;
  failed: number;
  skipped: number;
}

export interface LoadGenerator {
  /** Stops new arrivals and waits (bounded) for in-flight requests. */
  stop(timeoutMs?: number): Promise<LoadStats>;
}

export function startLoad(options: LoadOptions): LoadGenerator {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const stats: LoadStats = { sent: 0, failed: 0, skipped: 0 };
  const maxInFlight = options.maxInFlight ?? 200;
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let running = true;

  const request = (path: string): Promise<void> =>
    new Promise((resolve) => {
      stats.sent++;
      const req = http.get(new URL(path, options.gatewayUrl), { agent, timeout: 10_000 }, (res) => {
        // 4xx are expected business outcomes (declines, expired sessions); count only 5xx.
        if ((res.statusCode ?? 0) >= 500) stats.failed++;
        res.resume();
        res.on('end', resolve);
        res.on('error', resolve);
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        stats.failed++;
        resolve();
      });
    });

  const fire = (path: string) => {
    if (inFlight.size >= maxInFlight) {
      stats.skipped++;
      return;
    }
    const p = request(path).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  /** Schedules a Poisson arrival stream at `ratePerSecond`. */
  const stream = (ratePerSecond: number, nextPath: () => string) => {
    if (!(ratePerSecond > 0)) return;
    const schedule = () => {
      const gapMs = (-Math.log(1 - Math.random()) / ratePerSecond) * 1000;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!running) return;
        fire(nextPath());
        schedule();
      }, gapMs);
      timers.add(timer);
    };
    schedule();
  };

  stream(options.checkoutsPerSecond, () => `/checkout?user=${pick(USERS)}`);
  stream(options.browsesPerSecond * 0.6, () => '/products');
  stream(options.browsesPerSecond * 0.4, () => `/cart?user=${pick(USERS)}`);

  return {
    async stop(timeoutMs = 5000) {
      running = false;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
      agent.destroy();
      return { ...stats };
    },
  };
}
