/** Shown when no service sent anything in the range: how to point an app at Sightline, or load demo data. */
export function ServicesEmptyState({ rangeLabel }: { rangeLabel: string }) {
  return (
    <section aria-labelledby="services-empty-heading" className="rounded-lg border border-dashed border-line-strong bg-panel p-6">
      <h2 id="services-empty-heading" className="text-base font-semibold text-fg">
        No data received in this time range ({rangeLabel})
      </h2>
      <p className="mt-2 max-w-2xl text-sm text-fg-muted">
        Point any OpenTelemetry SDK or Collector at Sightline. It accepts OTLP over HTTP (protobuf or JSON) for traces,
        logs and metrics on the same port as this console:
      </p>
      <pre className="mt-3 max-w-2xl overflow-x-auto rounded-md border border-line bg-canvas px-3 py-2 font-mono text-sm text-fg">
        <code>OTEL_EXPORTER_OTLP_ENDPOINT=http://&lt;host&gt;:3000</code>
      </pre>
      <p className="mt-3 max-w-2xl text-sm text-fg-muted">
        Replace <code className="font-mono text-fg">&lt;host&gt;</code> with the address of the machine running
        Sightline. To look around with sample traces, logs and metrics first, start Sightline with{' '}
        <code className="rounded bg-canvas px-1 font-mono text-fg">npm run demo</code>. Data sent earlier? Widen the
        time range in the top bar.
      </p>
    </section>
  );
}
