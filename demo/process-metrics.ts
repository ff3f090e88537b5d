/** A per-process memory gauge, so every service has at least one resource-style metric. */
import { metrics } from '@opentelemetry/api';

export function registerProcessMetrics(): void {
  metrics
    .getMeter('sightline-demo')
    .createObservableGauge('process.memory.usage', { description: 'Resident set size of the service process', unit: 'By' })
    .addCallback((result) => result.observe(process.memoryUsage().rss));
}
