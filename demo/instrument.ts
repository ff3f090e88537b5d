/**
 * Side-effect bootstrap: starts the SDK for the service named on the command line.
 *
 * service.ts imports this module FIRST. tsx runs the demo as CommonJS, so imports
 * execute in order and the HTTP instrumentation is registered before any later
 * module requires `http`; otherwise no spans or traceparent headers would appear.
 */
import { SERVICE_VERSIONS, isServiceName, readDemoEnv, type ServiceName } from './config';
import { startTelemetry, type Telemetry } from './telemetry';

const arg = process.argv[2];
if (!isServiceName(arg)) {
  console.error(`usage: node --import tsx demo/service.ts <${Object.keys(SERVICE_VERSIONS).join('|')}>`);
  process.exit(2);
}

export const serviceName: ServiceName = arg;
const env = readDemoEnv();

export const telemetry: Telemetry = startTelemetry({
  serviceName,
  serviceVersion: SERVICE_VERSIONS[serviceName],
  environment: env.environment,
  endpoint: env.endpoint,
  protocol: env.protocol,
});
