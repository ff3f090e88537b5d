import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ServiceMapView } from '@/components/service-map/service-map-view';
import { LoadingPanel } from '@/components/ui/status-panels';

export const metadata: Metadata = { title: 'Service map' };

export default function ServiceMapPage() {
  return (
    <Suspense fallback={<LoadingPanel label="Loading the service map…" />}>
      <ServiceMapView />
    </Suspense>
  );
}
