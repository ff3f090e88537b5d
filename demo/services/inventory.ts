/**
 * Stock levels per SKU, reserved by orders and read by the gateway's cheap routes.
 * Exposes `inventory.stock_level` as an observable gauge.
 */
import { metrics, trace } from '@opentelemetry/api';
import { z } from 'zod';
import { createLog } from '../log';
import { chance, jitter, sleep } from '../sim';
import { dbQuery } from '../spans';
import { PRODUCTS } from './catalog';
import type { ServiceFactory } from './types';

const log = createLog('inventory');
const ReserveBody = z.object({ orderId: z.string(), items: z.array(z.object({ sku: z.string(), qty: z.number().int().positive() })).min(1) });

/** Below this a SKU is restocked, so the demo never runs dry for good. */
const RESTOCK_BELOW = 20;

export const inventory: ServiceFactory = () => {
  const stock = new Map(PRODUCTS.map((p) => [p.sku, p.initialStock]));
  metrics
    .getMeter('sightline-demo')
    .createObservableGauge('inventory.stock_level', { description: 'Units on hand per SKU', unit: '{item}' })
    .addCallback((result) => {
      for (const [sku, level] of stock) result.observe(level, { 'product.sku': sku });
    });

  const restock = (sku: string) => {
    const product = PRODUCTS.find((p) => p.sku === sku);
    if (!product) return;
    stock.set(sku, product.initialStock);
    log.info('restocked', { 'product.sku': sku, quantity: product.initialStock });
  };

  return {
    routes: {
      'POST /reserve': async ({ body }) => {
        const { orderId, items } = ReserveBody.parse(body);
        trace.getActiveSpan()?.setAttribute('order.id', orderId);
        await dbQuery(
          {
            system: 'postgresql',
            operation: 'UPDATE',
            collection: 'stock',
            text: 'UPDATE stock SET on_hand = on_hand - $1 WHERE sku = $2 AND on_hand >= $1',
            latencyMs: jitter(5),
          },
          async (span) => {
            // Row-lock contention: a retry event on the query span and a WARN log, then success.
            if (chance(0.04)) {
              span.addEvent('retry', { attempt: 2, reason: 'row lock timeout' });
              log.warn('stock row locked, retrying', { 'order.id': orderId, 'product.sku': items[0].sku });
              await sleep(jitter(25));
            }
          },
        );
        // A few SKUs are occasionally "sold out" in the warehouse even with stock on record.
        const short = items.find((i) => (stock.get(i.sku) ?? 0) < i.qty || chance(0.005));
        if (short) return { status: 409, body: { error: 'out of stock', sku: short.sku } };
        for (const { sku, qty } of items) {
          const left = (stock.get(sku) ?? 0) - qty;
          stock.set(sku, left);
          if (left < RESTOCK_BELOW) restock(sku);
        }
        return { status: 200, body: { orderId, reserved: items.length } };
      },

      'GET /products': async () => {
        await dbQuery({ system: 'postgresql', operation: 'SELECT', collection: 'products', text: 'SELECT sku, name, price FROM products', latencyMs: jitter(8) });
        return { status: 200, body: PRODUCTS.map((p) => ({ sku: p.sku, name: p.name, price: p.price, inStock: (stock.get(p.sku) ?? 0) > 0 })) };
      },

      'GET /stock': async ({ query }) => {
        const skus = (query.get('skus') ?? '').split(',').filter(Boolean);
        await dbQuery({ system: 'redis', operation: 'MGET', collection: 'stock', text: 'MGET stock:?', latencyMs: jitter(2) }, async (span) => {
          if (chance(0.15)) {
            span.addEvent('cache-miss', { 'cache.key': `stock:${skus[0] ?? '*'}` });
            await dbQuery({ system: 'postgresql', operation: 'SELECT', collection: 'stock', text: 'SELECT sku, on_hand FROM stock WHERE sku = ANY($1)', latencyMs: jitter(7) });
          }
        });
        return { status: 200, body: Object.fromEntries(skus.map((sku) => [sku, stock.get(sku) ?? 0])) };
      },
    },
  };
};
