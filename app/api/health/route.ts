import { checkHealth } from '@/server/query/system/health';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  const health = checkHealth();
  return Response.json(health, { status: health.database.ok ? 200 : 503 });
}
