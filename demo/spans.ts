/**
 * Manual spans that give traces depth below the HTTP spans the instrumentation makes.
 */
import { trace, SpanKind, SpanStatusCode, type Attributes, type Span } from '@opentelemetry/api';
import { sleep } from './sim';

const tracer = () => trace.getTracer('sightline-demo');

/** Runs `fn` inside an active child span; a thrown error is recorded and marks the span ERROR. */
export function inSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>, kind = SpanKind.INTERNAL): Promise<T> {
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      span.recordException(err instanceof Error ? err : message);
      span.setStatus({ code: SpanStatusCode.ERROR, message });
      throw err;
    } finally {
      span.end();
    }
  });
}

export interface DbQuery {
  system: 'postgresql' | 'redis';
  operation: string;
  collection: string;
  text: string;
  latencyMs: number;
}

const DB_SERVERS = { postgresql: ['postgres.shop.internal', 5432], redis: ['redis.shop.internal', 6379] } as const;

/** A simulated database call, named and attributed per the stable database semconv. */
export function dbQuery(query: DbQuery, fn?: (span: Span) => Promise<void>): Promise<void> {
  const [address, port] = DB_SERVERS[query.system];
  return inSpan(
    `${query.operation} ${query.collection}`,
    {
      'db.system.name': query.system,
      'db.namespace': query.system === 'redis' ? '0' : 'shop',
      'db.collection.name': query.collection,
      'db.operation.name': query.operation,
      'db.query.text': query.text,
      'server.address': address,
      'server.port': port,
    },
    async (span) => {
      await sleep(query.latencyMs);
      await fn?.(span);
    },
    SpanKind.CLIENT,
  );
}
