/** Order confirmation emails over a (simulated) SMTP relay that occasionally needs a retry. */
import { trace } from '@opentelemetry/api';
import { z } from 'zod';
import { createLog } from '../log';
import { chance, jitter, sleep } from '../sim';
import { inSpan } from '../spans';
import type { ServiceFactory } from './types';

const log = createLog('notification');
const NotifyBody = z.object({ orderId: z.string(), user: z.string(), channel: z.enum(['email', 'sms']) });

export const notification: ServiceFactory = () => ({
  routes: {
    'POST /notify': async ({ body }) => {
      const started = Date.now();
      const { orderId, user, channel } = NotifyBody.parse(body);
      trace.getActiveSpan()?.setAttribute('order.id', orderId);
      await inSpan('template.render', { 'template.name': 'order-confirmation' }, () => sleep(jitter(3)));
      await inSpan('smtp.send', { 'server.address': 'smtp.shop.internal', 'server.port': 587, 'notification.channel': channel }, async (span) => {
        await sleep(jitter(30));
        if (chance(0.03)) {
          span.addEvent('retry', { attempt: 2, reason: '421 service not available' });
          log.warn('smtp relay busy, retrying', { 'order.id': orderId });
          await sleep(jitter(60));
        }
      });
      log.info('order confirmation email sent', { 'order.id': orderId, 'user.id': user, duration_ms: Date.now() - started });
      return { status: 202, body: { orderId, sent: true } };
    },
  },
});
