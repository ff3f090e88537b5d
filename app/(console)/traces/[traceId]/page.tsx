import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TracePageView } from '@/components/traces/waterfall/trace-page-view';
import { LoadingPanel } from '@/components/ui/status-panels';

export async function generateMetadata({ params }: { params: Promise<{ traceId: string }> }): Promise<Metadata> {
  const { traceId } = await params;
  return { title: `Trace ${traceId.slice(0, 8)}` };
}

export default async function TracePage({ params }: { params: Promise<{ traceId: string }> }) {
  const { traceId } = await params;
  return (
    <Suspense fallback={<LoadingPanel label="Loading trace…" />}>
      <TracePageView traceId={traceId.toLowerCase()} />
    </Suspense>
  );
}
