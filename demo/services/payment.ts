/**
 * Card payments: a fraud check, then a call to the (simulated) card processor.
 * During an incident window the processor slows ~10x and times out on a large
 * share of charges, which fails the order and the checkout above it.
 */
import { metrics, trace } from '@opentelemetry/api';
import { z } from 'zod';
import { HttpError } from '../http';
import { incidentStateAt } from '../incident';
import { createLog } from '../log';
import { chance, jitter, round2, sleep } from '../sim';
import { dbQuery, inSpan } from '../spans';
import type { ServiceFactory } from './types';

const log = createLog('payment');
const ChargeBody = z.object({ orderId: z.string(), user: z.string(), amount: z.number().nonnegative(), currency: z.string() });

const NORMAL_LATENCY_MS = 40;
const INCIDENT_LATENCY_MS = 450;
const INCIDENT_ERROR_RATE = 0.45;
const DECLINE_RATE = 0.02;

export const payment: ServiceFactory = ({ incident }) => {
  const meter = metrics.getMeter('sightline-demo');
  const charges = meter.createCounter('payment.charges', { description: 'Card charges by outcome', unit: '{charge}' });
  const amounts = meter.createHistogram('payment.amount', { description: 'Charged amounts', unit: 'USD' });
  let lastSeenIncident = -1;
  let degraded = false;

  /** Logs the edges of an incident window once, so the log view shows when it began and ended. */
  const noteIncidentEdges = (active: boolean, index: number) => {
    if (active && index !== lastSeenIncident) {
      lastSeenIncident = index;
      degraded = true;
      log.warn('card processor degraded: elevated latency and timeouts', { 'incident.index': index });
    } else if (!active && degraded) {
      degraded = false;
      log.info('card processor recovered', { 'incident.index': lastSeenIncident });
    }
  };

  return {
    routes: {
      'POST /charge': async ({ body }) => {
        const started = Date.now();
        const { orderId, user, amount, currency } = ChargeBody.parse(body);
        const state = incidentStateAt(started, incident);
        noteIncidentEdges(state.active, state.index);
        trace.getActiveSpan()?.setAttributes({ 'order.id': orderId, 'payment.amount': amount, 'payment.currency': currency });

        await inSpan('fraud-check', { 'order.id': orderId, 'user.id': user }, async (span) => {
          await sleep(jitter(10));
          span.setAttribute('fraud.score', round2(Math.random() * 0.3));
        });

        log.info('charging card', { 'order.id': orderId, amount, currency });
        const outcome = await inSpan('card-processor.authorize', { 'payment.processor': 'acme-pay', 'payment.amount': amount }, async (span) => {
          if (!state.active) {
            await sleep(jitter(NORMAL_LATENCY_MS));
            return chance(DECLINE_RATE) ? 'declined' : 'approved';
          }
          // The processor is struggling: slow first attempt, a retry, and often still a timeout.
          await sleep(jitter(INCIDENT_LATENCY_MS, 0.4));
          span.addEvent('retry', { attempt: 2, reason: 'upstream timeout' });
          await sleep(jitter(INCIDENT_LATENCY_MS / 3, 0.5));
          if (chance(INCIDENT_ERROR_RATE)) throw new Error('gateway timeout: card processor did not answer within 1500 ms');
          return chance(DECLINE_RATE) ? 'declined' : 'approved';
        }).catch((err: unknown) => {
          charges.add(1, { outcome: 'error' });
          log.error('payment declined: gateway timeout', { 'order.id': orderId, amount, duration_ms: Date.now() - started }, err);
          // The server turns this into a 500 and records it on the request span too.
          throw new HttpError(500, 'gateway timeout');
        });

        charges.add(1, { outcome });
        if (outcome === 'declined') {
          log.warn('payment declined: insufficient funds', { 'order.id': orderId, amount, duration_ms: Date.now() - started });
          return { status: 402, body: { error: 'insufficient funds' } };
        }
        amounts.record(amount, { currency });
        await dbQuery({
          system: 'postgresql',
          operation: 'INSERT',
          collection: 'payments',
          text: 'INSERT INTO payments (order_id, amount, currency, status) VALUES ($1, $2, $3, $4)',
          latencyMs: jitter(5),
        });
        return { status: 200, body: { orderId, amount, status: 'captured' } };
      },
    },
  };
};
