import type { Metadata } from 'next';
import { ComingSoon } from '@/components/shell/coming-soon';

export const metadata: Metadata = { title: 'Logs' };

export default function LogsPage() {
  return <ComingSoon title="Logs" summary="Logs are coming: full-text log search, filtered by service, severity and trace." />;
}
