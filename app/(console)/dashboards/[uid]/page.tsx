import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DashboardView } from '@/components/dashboards/dashboard-view';
import { LoadingPanel } from '@/components/ui/status-panels';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({ params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  return (
    <Suspense fallback={<LoadingPanel label="Loading dashboard…" />}>
      <DashboardView uid={uid} />
    </Suspense>
  );
}
