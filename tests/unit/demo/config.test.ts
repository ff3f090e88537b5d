import { describe, it, expect } from 'vitest';
import { SERVICE_NAMES, isServiceName, readDemoEnv, servicePort, serviceUrl } from '../../../demo/config';

describe('readDemoEnv', () => {
  it('has defaults matching the console (port 3000, protobuf)', () => {
    expect(readDemoEnv({})).toEqual({ basePort: 4100, endpoint: 'http://127.0.0.1:3000', protocol: 'http/protobuf', environment: 'demo', rps: 8 });
  });

  it('reads overrides and strips a trailing slash from the endpoint', () => {
    const env = readDemoEnv({
      DEMO_BASE_PORT: '5200',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:3999/',
      DEMO_OTLP_PROTOCOL: 'http/json',
      DEMO_RPS: '2.5',
      DEMO_ENVIRONMENT: 'staging',
    });
    expect(env).toEqual({ basePort: 5200, endpoint: 'http://127.0.0.1:3999', protocol: 'http/json', environment: 'staging', rps: 2.5 });
  });

  it('falls back on nonsense', () => {
    expect(readDemoEnv({ DEMO_BASE_PORT: 'x', DEMO_RPS: '-3', DEMO_OTLP_PROTOCOL: 'grpc' })).toMatchObject({ basePort: 4100, rps: 8, protocol: 'http/protobuf' });
  });
});

describe('service ports', () => {
  it('gives the six services consecutive ports from the base', () => {
    expect(SERVICE_NAMES.map((n) => servicePort(n, 4100))).toEqual([4100, 4101, 4102, 4103, 4104, 4105]);
    expect(serviceUrl('payment', 4100)).toBe('http://127.0.0.1:4103');
  });

  it('recognises service names', () => {
    expect(isServiceName('orders')).toBe(true);
    expect(isServiceName('billing')).toBe(false);
    expect(isServiceName(undefined)).toBe(false);
  });
});
