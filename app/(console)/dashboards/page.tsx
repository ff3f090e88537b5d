import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DashboardsListView } from '@/components/dashboards/dashboards-list-view';
import { LoadingPanel } from '@/components/ui/status-panels';

export const metadata: Metadata = { title: 'Dashboards' };

export default function DashboardsPage() {
  return (
    <Suspense fallback={<LoadingPanel label="Loading dashboards…" />}>
      <DashboardsListView />
    </Suspense>
  );
}
