/** Session verification: a redis lookup that sometimes misses and falls back to postgres. */
import { trace } from '@opentelemetry/api';
import { z } from 'zod';
import { createLog } from '../log';
import { chance, jitter, sleep } from '../sim';
import { dbQuery, inSpan } from '../spans';
import type { ServiceFactory } from './types';

const log = createLog('auth');
const VerifyBody = z.object({ user: z.string(), token: z.string() });

export const auth: ServiceFactory = () => ({
  routes: {
    'POST /verify': async ({ body }) => {
      const { user, token } = VerifyBody.parse(body);
      trace.getActiveSpan()?.setAttribute('user.id', user);

      let cached = true;
      await dbQuery({ system: 'redis', operation: 'GET', collection: 'sessions', text: 'GET session:?', latencyMs: jitter(2) }, async (span) => {
        if (chance(0.2)) {
          cached = false;
          span.addEvent('cache-miss', { 'cache.key': `session:${token.slice(0, 8)}` });
        }
      });
      if (!cached) {
        await dbQuery({
          system: 'postgresql',
          operation: 'SELECT',
          collection: 'sessions',
          text: 'SELECT user_id, expires_at FROM sessions WHERE token_hash = $1',
          latencyMs: jitter(12),
        });
        log.info('session loaded from database', { 'user.id': user });
      }

      await inSpan('jwt.verify', { 'auth.algorithm': 'RS256' }, () => sleep(jitter(1.5)));
      if (chance(0.02)) {
        log.warn('token expired', { 'user.id': user });
        return { status: 401, body: { error: 'token expired' } };
      }
      return { status: 200, body: { user, scopes: ['checkout', 'cart'] } };
    },
  },
});
