import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ExploreView } from '@/components/explore/explore-view';
import { LoadingPanel } from '@/components/ui/status-panels';

export const metadata: Metadata = {
  title: 'Explore',
  description: 'Query metrics with PromQL, chart them, and follow exemplars to their traces.',
};

export default function ExplorePage() {
  return (
    <Suspense fallback={<LoadingPanel label="Loading Explore…" />}>
      <ExploreView />
    </Suspense>
  );
}
