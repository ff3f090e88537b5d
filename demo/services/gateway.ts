/**
 * Edge service: the load generator's only entry point. Fans out to auth, orders
 * and inventory, so every checkout trace starts here.
 */
import { trace } from '@opentelemetry/api';
import { z } from 'zod';
import { callJson, HttpError } from '../http';
import { createLog } from '../log';
import { chance, jitter, pick, randomInt, round2 } from '../sim';
import { dbQuery } from '../spans';
import { PRODUCTS, USERS } from './catalog';
import type { ServiceFactory } from './types';

const log = createLog('gateway');
const OrderCreated = z.object({ orderId: z.string(), amount: z.number() });

function errorText(body: unknown, fallback: string): string {
  if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') return body.error;
  return fallback;
}

export const gateway: ServiceFactory = ({ url }) => {
  const loadCart = async (user: string) => {
    const items = Array.from({ length: randomInt(1, 3) }, () => {
      const product = pick(PRODUCTS);
      return { sku: product.sku, qty: randomInt(1, 2), price: product.price };
    });
    await dbQuery({ system: 'redis', operation: 'GET', collection: 'carts', text: `GET cart:${user}`, latencyMs: jitter(2) }, async (span) => {
      // A cold cart cache is normal after a deploy; it shows up as an event, not an error.
      if (chance(0.1)) span.addEvent('cache-miss', { 'cache.key': `cart:${user}` });
    });
    return items;
  };

  return {
    routes: {
      'GET /checkout': async ({ query }) => {
        const started = Date.now();
        const user = query.get('user') ?? pick(USERS);
        trace.getActiveSpan()?.setAttribute('user.id', user);

        const auth = await callJson(url('auth'), 'POST', '/verify', { user, token: `tok_${user}` });
        if (auth.status === 401) {
          log.warn('checkout rejected: session expired', { 'user.id': user });
          return { status: 401, body: { error: 'unauthenticated' } };
        }
        if (auth.status !== 200) throw new HttpError(502, 'auth service unavailable');

        const items = await loadCart(user);
        const order = await callJson(url('orders'), 'POST', '/orders', { user, items });
        const durationMs = Date.now() - started;
        if (order.status === 201) {
          const body = OrderCreated.parse(order.body);
          log.info('checkout completed', { 'order.id': body.orderId, amount: body.amount, 'user.id': user, duration_ms: durationMs });
          return { status: 200, body };
        }
        const reason = errorText(order.body, `orders answered ${order.status}`);
        if (order.status < 500) {
          log.warn(`checkout failed: ${reason}`, { 'user.id': user, 'http.response.status_code': order.status, duration_ms: durationMs });
          return { status: order.status, body: { error: reason } };
        }
        log.error(`checkout failed: ${reason}`, { 'user.id': user, 'http.response.status_code': order.status, duration_ms: durationMs });
        throw new HttpError(502, `checkout failed: ${reason}`);
      },

      'GET /products': async () => {
        const res = await callJson(url('inventory'), 'GET', '/products');
        if (res.status !== 200) throw new HttpError(502, 'inventory unavailable');
        return { status: 200, body: res.body };
      },

      'GET /cart': async ({ query }) => {
        const user = query.get('user') ?? pick(USERS);
        const items = await loadCart(user);
        const res = await callJson(url('inventory'), 'GET', `/stock?skus=${items.map((i) => i.sku).join(',')}`);
        if (res.status !== 200) throw new HttpError(502, 'inventory unavailable');
        const total = round2(items.reduce((sum, i) => sum + i.price * i.qty, 0));
        return { status: 200, body: { user, items, total, stock: res.body } };
      },
    },
  };
};
