import type { Metadata } from 'next';
import { ComingSoon } from '@/components/shell/coming-soon';

export const metadata: Metadata = { title: 'Explore' };

export default function ExplorePage() {
  return <ComingSoon title="Explore" summary="Explore is coming: query metrics with PromQL and chart the results here." />;
}
