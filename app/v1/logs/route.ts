import { receiveOtlp } from '@/server/ingest/http/receive-otlp';

export const dynamic = 'force-dynamic';

/** OTLP/HTTP logs receiver. Other methods get Next's 405. */
export function POST(request: Request): Promise<Response> {
  return receiveOtlp('logs', request);
}
