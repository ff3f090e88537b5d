import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TargetsView } from '@/components/targets/targets-view';
import { LoadingPanel } from '@/components/ui/status-panels';

export const metadata: Metadata = { title: 'Targets' };

export default function TargetsPage() {
  return (
    <Suspense fallback={<LoadingPanel label="Loading targets…" />}>
      <TargetsView />
    </Suspense>
  );
}
