import superjson from 'superjson';
import { median } from './stats';

/** Median of `runs` timed calls of `run`, ms, after one untimed warm-up call. */
export async function timedMedian(runs: number, run: () => unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** GET a tRPC query over HTTP, as the console does (superjson input); throws on a non-200 answer. */
export const trpcGet = (url: string, proc: string, input: unknown) =>
  fetch(`${url}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`).then(async (r) => {
    if (r.status !== 200) throw new Error(`${proc}: HTTP ${r.status} ${await r.text()}`);
    return r.json();
  });
