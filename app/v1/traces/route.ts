import { receiveOtlpWeb } from '@/server/ingest/http/adapters';

export const dynamic = 'force-dynamic';

/**
 * OTLP/HTTP traces receiver under `next dev`; in production server/main.ts answers POSTs to this path
 * before Next routing. Other methods get Next's 405.
 */
export function POST(request: Request): Promise<Response> {
  return receiveOtlpWeb('traces', request);
}
