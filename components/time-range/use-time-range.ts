'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import type { TimeRangeInput } from '@/lib/time-range';
import { readTimeRange, searchWithTimeRange } from '@/lib/time-range-url';

/**
 * The console-wide time range, read from and written to the URL (`from`, `to`).
 * Uses useSearchParams, so callers must sit inside a <Suspense> boundary.
 */
export function useTimeRange(): { range: TimeRangeInput; setRange: (next: TimeRangeInput) => void } {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const range = useMemo(() => readTimeRange(searchParams), [searchParams]);
  const setRange = useCallback(
    (next: TimeRangeInput) => router.push(`${pathname}?${searchWithTimeRange(searchParams.toString(), next)}`),
    [pathname, router, searchParams],
  );
  return { range, setRange };
}
