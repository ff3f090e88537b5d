/**
 * Tiny JSON-over-HTTP helpers shared by the services: a routed server and a client.
 *
 * Plain `node:http` on purpose: instrumentation-http patches it, which gives us
 * server/client spans, W3C traceparent propagation and the duration histograms.
 */
import http from 'node:http';
import { context, isSpanContextValid, trace, SpanStatusCode, TraceFlags } from '@opentelemetry/api';
import { core } from '@opentelemetry/sdk-node';
import { ZodError } from 'zod';
import { rememberErrorMessage } from './error-status';

export interface RouteRequest {
  body: unknown;
  query: URLSearchParams;
}

export interface RouteReply {
  status: number;
  body: unknown;
}

export type Handler = (request: RouteRequest) => Promise<RouteReply>;
/** Keyed by "METHOD /path", e.g. "POST /charge". */
export type Routes = Record<string, Handler>;

/** Thrown by handlers to answer with a specific status; 5xx ones mark the span as failed. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const MAX_BODY_BYTES = 1 << 20;

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request body too large');
    chunks.push(buf);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid JSON body');
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

function failure(err: unknown): { status: number; message: string } {
  if (err instanceof HttpError) return { status: err.status, message: err.message };
  if (err instanceof ZodError) return { status: 400, message: 'invalid request body' };
  return { status: 500, message: err instanceof Error ? err.message : String(err) };
}

/** What a finished request reports to createJsonServer's `onRequestDone` (the Prometheus metrics). */
export interface RequestDone {
  method: string;
  /** The route's path, or "unmatched" (keeps label cardinality low). */
  route: string;
  status: number;
  seconds: number;
  /** The server span's ids when it is sampled: the request's exemplar. */
  traceId?: string;
  spanId?: string;
}

export function createJsonServer(routes: Routes, options: { onRequestDone?: (done: RequestDone) => void } = {}): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const key = `${req.method ?? 'GET'} ${url.pathname}`;
    const handler = Object.hasOwn(routes, key) ? routes[key] : undefined;
    const { onRequestDone } = options;
    if (onRequestDone) {
      const started = process.hrtime.bigint();
      const spanContext = trace.getActiveSpan()?.spanContext();
      const sampled = spanContext && isSpanContextValid(spanContext) && (spanContext.traceFlags & TraceFlags.SAMPLED) !== 0;
      res.once('finish', () => onRequestDone({
        method: req.method ?? 'GET',
        route: handler ? url.pathname : 'unmatched',
        status: res.statusCode,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        traceId: sampled ? spanContext.traceId : undefined,
        spanId: sampled ? spanContext.spanId : undefined,
      }));
    }
    // Naming the route turns the server span into "POST /charge" and adds http.route
    // to the duration histogram; unknown paths stay unnamed to keep cardinality low.
    const rpc = core.getRPCMetadata(context.active());
    if (handler && rpc) rpc.route = url.pathname;

    void (async () => {
      if (!handler) return send(res, 404, { error: `no route for ${key}` });
      try {
        const reply = await handler({ body: await readJson(req), query: url.searchParams });
        send(res, reply.status, reply.body);
      } catch (err) {
        const { status, message } = failure(err);
        if (status >= 500) {
          const span = trace.getActiveSpan();
          span?.recordException(err instanceof Error ? err : message);
          span?.setStatus({ code: SpanStatusCode.ERROR, message });
          rememberErrorMessage(res, message);
        }
        if (!res.headersSent) send(res, status, { error: message });
      }
    })();
  });
}

/** Keep-alive so steady service-to-service traffic does not churn sockets. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface CallResult {
  status: number;
  body: unknown;
}

/**
 * POST/GET JSON to another demo service. Resolves with any HTTP status (callers decide
 * what a 4xx/5xx means); rejects only on network errors or the timeout.
 */
export function callJson(baseUrl: string, method: 'GET' | 'POST', path: string, body?: unknown, timeoutMs = 5000): Promise<CallResult> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    const req = http.request(new URL(path, baseUrl), { method, agent, headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // Non-JSON bodies are passed through as text.
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Lets a stopping service drop its idle keep-alive sockets so the event loop can drain. */
export function closeClientSockets(): void {
  agent.destroy();
}
