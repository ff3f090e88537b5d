import type { Metadata } from 'next';
import { ComingSoon } from '@/components/shell/coming-soon';

export const metadata: Metadata = { title: 'Dashboards' };

export default function DashboardsPage() {
  return <ComingSoon title="Dashboards" summary="Dashboards are coming: saved panels of charts, traces and logs that share one time range." />;
}
