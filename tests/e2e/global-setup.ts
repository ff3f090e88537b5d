import { startServer } from '../helpers/server';
import { runDemo } from '../helpers/demo';

/**
 * The browser suite runs against the real built server on a fresh database, seeded by running the
 * demo shop for a while with an incident under way (so errors and slow payments exist).
 * Set SIGHTLINE_E2E_URL to test an already running console instead.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.SIGHTLINE_E2E_URL) return async () => {};
  const port = Number(process.env.SIGHTLINE_E2E_PORT ?? 3100);
  const server = await startServer({}, port);
  await runDemo(server.url, Number(process.env.SIGHTLINE_E2E_SEED_SECONDS ?? 20), { DEMO_INCIDENT_NOW: '1', DEMO_BASE_PORT: process.env.SIGHTLINE_E2E_DEMO_PORT ?? '4600' });
  return async () => {
    await server.stop();
  };
}
