/**
 * Order orchestration: reserve stock, charge, then notify without waiting.
 * A failed charge fails the order, which is how the payment incident spreads upstream.
 */
import { metrics, trace } from '@opentelemetry/api';
import { z } from 'zod';
import { callJson, HttpError } from '../http';
import { createLog } from '../log';
import { jitter, randomId, round2 } from '../sim';
import { dbQuery } from '../spans';
import type { ServiceFactory } from './types';

const log = createLog('orders');
const OrderBody = z.object({
  user: z.string(),
  items: z.array(z.object({ sku: z.string(), qty: z.number().int().positive(), price: z.number().nonnegative() })).min(1),
});

export const orders: ServiceFactory = ({ url }) => {
  const meter = metrics.getMeter('sightline-demo');
  const created = meter.createCounter('orders.created', { description: 'Orders successfully placed', unit: '{order}' });
  const failed = meter.createCounter('orders.failed', { description: 'Orders that could not be placed', unit: '{order}' });
  // Notifications are fire-and-forget for the caller, but shutdown still waits for them.
  const pending = new Set<Promise<unknown>>();

  const updateStatus = (status: string) =>
    dbQuery({ system: 'postgresql', operation: 'UPDATE', collection: 'orders', text: 'UPDATE orders SET status = $1 WHERE id = $2', latencyMs: jitter(4) }).then(
      () => status,
    );

  return {
    drain: async () => {
      await Promise.allSettled([...pending]);
    },
    routes: {
      'POST /orders': async ({ body }) => {
        const started = Date.now();
        const { user, items } = OrderBody.parse(body);
        const orderId = randomId('ord');
        const amount = round2(items.reduce((sum, i) => sum + i.price * i.qty, 0));
        trace.getActiveSpan()?.setAttributes({ 'order.id': orderId, 'order.amount': amount, 'user.id': user });

        await dbQuery({
          system: 'postgresql',
          operation: 'INSERT',
          collection: 'orders',
          text: 'INSERT INTO orders (id, user_id, amount, status) VALUES ($1, $2, $3, $4)',
          latencyMs: jitter(6),
        });

        const reserve = await callJson(url('inventory'), 'POST', '/reserve', { orderId, items: items.map(({ sku, qty }) => ({ sku, qty })) });
        if (reserve.status === 409) {
          await updateStatus('rejected');
          failed.add(1, { reason: 'out_of_stock' });
          log.warn('order rejected: out of stock', { 'order.id': orderId, 'user.id': user });
          return { status: 409, body: { error: 'out of stock', orderId } };
        }
        if (reserve.status !== 200) throw new HttpError(502, `inventory answered ${reserve.status}`);

        const charge = await callJson(url('payment'), 'POST', '/charge', { orderId, user, amount, currency: 'USD' });
        if (charge.status === 402) {
          await updateStatus('declined');
          failed.add(1, { reason: 'declined' });
          log.warn('order declined by payment', { 'order.id': orderId, amount, 'user.id': user });
          return { status: 402, body: { error: 'payment declined', orderId } };
        }
        if (charge.status !== 200) {
          await updateStatus('failed');
          failed.add(1, { reason: 'payment_error' });
          log.error('order failed: payment error', { 'order.id': orderId, amount, 'http.response.status_code': charge.status, duration_ms: Date.now() - started });
          throw new HttpError(502, 'payment service error');
        }

        await updateStatus('paid');
        created.add(1, { currency: 'USD' });
        log.info('order created', { 'order.id': orderId, amount, 'user.id': user, duration_ms: Date.now() - started });

        const notify = callJson(url('notification'), 'POST', '/notify', { orderId, user, channel: 'email' }).catch((err: unknown) => {
          log.warn('order confirmation not sent', { 'order.id': orderId, 'error.message': err instanceof Error ? err.message : String(err) });
        });
        pending.add(notify);
        void notify.finally(() => pending.delete(notify));

        return { status: 201, body: { orderId, amount, status: 'paid' } };
      },
    },
  };
};
