import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TraceSearchView } from '@/components/traces/search/trace-search-view';
import { LoadingPanel } from '@/components/ui/status-panels';

export const metadata: Metadata = { title: 'Traces' };

export default function TracesPage() {
  return (
    <Suspense fallback={<LoadingPanel label="Loading trace search…" />}>
      <TraceSearchView />
    </Suspense>
  );
}
