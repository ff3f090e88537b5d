import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LogsPageView } from '@/components/logs/logs-page-view';
import { LoadingPanel } from '@/components/ui/status-panels';

export const metadata: Metadata = { title: 'Logs' };

export default function LogsPage() {
  return (
    <Suspense fallback={<LoadingPanel label="Loading logs…" />}>
      <LogsPageView />
    </Suspense>
  );
}
