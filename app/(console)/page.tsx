import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ServicesOverview } from '@/components/services/services-overview';
import { ServicesLoading } from '@/components/services/services-status';

export const metadata: Metadata = { title: 'Home' };

export default function HomePage() {
  return (
    <>
      <div className="mb-4">
        <h1 className="text-xl font-semibold text-fg">Services</h1>
        <p className="mt-1 text-sm text-fg-muted">
          Everything that sent traces, logs or metrics in the selected time range. Refreshes every 10 seconds.
        </p>
      </div>
      <Suspense fallback={<ServicesLoading />}>
        <ServicesOverview />
      </Suspense>
    </>
  );
}
