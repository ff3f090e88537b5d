import type { Metadata } from 'next';
import { ComingSoon } from '@/components/shell/coming-soon';

export const metadata: Metadata = { title: 'Traces' };

export default function TracesPage() {
  return <ComingSoon title="Traces" summary="Traces are coming: search traces by service, operation, duration and status, and open them as a waterfall." />;
}
