/**
 * `npm run demo` entry: starts the six shop services, drives traffic at them and
 * stops everything cleanly on SIGINT/SIGTERM or after `--duration <seconds>`.
 */
import { SERVICE_NAMES, readDemoEnv, servicePort, serviceUrl } from './config';
import { incidentConfigFromEnv } from './incident';
import { startLoad } from './load';
import { Supervisor } from './supervisor';

/** Callers first, so no service receives a request after its downstreams are gone. */
const STOP_WAVES = [['gateway'], ['auth', 'orders'], ['payment', 'inventory', 'notification']];
/** A repeated stop signal sooner than this is the same request, not an impatient user. */
const FORCE_AFTER_MS = 2000;

function parseDuration(argv: string[]): number | null {
  const i = argv.findIndex((a) => a === '--duration' || a.startsWith('--duration='));
  if (i < 0) return null;
  const raw = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    console.error('usage: tsx demo/run.ts [--duration <seconds>]');
    process.exit(2);
  }
  return seconds;
}

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

async function main(): Promise<number> {
  const duration = parseDuration(process.argv.slice(2));
  const env = readDemoEnv();
  const incident = incidentConfigFromEnv(process.env, Date.now());

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DEMO_BASE_PORT: String(env.basePort),
    OTEL_EXPORTER_OTLP_ENDPOINT: env.endpoint,
    OTEL_SEMCONV_STABILITY_OPT_IN: process.env.OTEL_SEMCONV_STABILITY_OPT_IN ?? 'http',
    // One shared anchor so every process agrees on when the incident windows are.
    DEMO_INCIDENT_ANCHOR_MS: String(incident.firstStartMs),
  };

  const supervisor = new Supervisor();
  let crashed: string | null = null;
  let wake: () => void = () => undefined;
  const stopRequested = new Promise<void>((resolve) => (wake = resolve));
  supervisor.onUnexpectedExit((name, code) => {
    crashed ??= `${name} exited unexpectedly (code ${code})`;
    wake();
  });

  let firstSignalAt = 0;
  const onSignal = () => {
    if (firstSignalAt === 0) {
      firstSignalAt = Date.now();
      return wake();
    }
    // Ctrl+C under `npm run demo` reaches us twice at once (terminal + scripts/start.mjs), so only
    // a second signal well after the first means "now!": then skip the graceful path.
    if (Date.now() - firstSignalAt < FORCE_AFTER_MS) return;
    supervisor.killAll();
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    await supervisor.start(SERVICE_NAMES.map((name) => ({ name, script: 'demo/service.ts', args: [name], env: childEnv })));
  } catch (err) {
    console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
    await supervisor.stop(STOP_WAVES, 5000);
    return 1;
  }

  const ports = SERVICE_NAMES.map((name) => `${name}:${servicePort(name, env.basePort)}`).join(' ');
  const incidentNote =
    incident.everyMs > 0 && incident.durationMs > 0
      ? `payment incident every ${incident.everyMs / 1000}s for ${incident.durationMs / 1000}s, first at ${clock(incident.firstStartMs)}Z`
      : 'incidents off';
  console.log(`demo shop up: ${ports} -> OTLP ${env.protocol} ${env.endpoint}; ${env.rps} checkouts/s; ${incidentNote}`);

  const load = startLoad({ gatewayUrl: serviceUrl('gateway', env.basePort), checkoutsPerSecond: env.rps, browsesPerSecond: env.rps * 0.6 });
  const timer = duration === null ? undefined : setTimeout(wake, duration * 1000);

  await stopRequested;
  clearTimeout(timer);
  const stats = await load.stop();
  // Overall deadline, above a child's own bounded shutdown (server close + drain + flush, ~12 s worst case).
  const troubled = await supervisor.stop(STOP_WAVES, 20_000);

  if (crashed) console.error(`demo: ${crashed}`);
  if (troubled.length > 0) console.error(`demo: did not stop cleanly: ${troubled.join(', ')}`);
  console.log(`demo stopped: ${stats.sent} requests sent, ${stats.failed} failed, ${stats.skipped} skipped`);
  return crashed || troubled.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('demo:', err);
    process.exit(1);
  },
);
