import { Suspense } from 'react';
import { TimeRangePicker } from '@/components/time-range/time-range-picker';
import { MainNav } from './main-nav';

function ProductName() {
  return (
    <span className="flex items-center gap-2 text-sm font-semibold tracking-wide text-fg">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 text-accent">
        <path d="M1 8h3l2-5 4 10 2-5h3" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinejoin="round" />
      </svg>
      Sightline
    </span>
  );
}

/** Stands in for the picker until the URL is readable on the client (it has no range to show before). */
function TimeRangePickerFallback() {
  return <div aria-hidden="true" className="h-8 w-44 rounded-md border border-line bg-panel-raised" />;
}

export function TopBar() {
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-panel">
      <div className="flex min-h-12 flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <ProductName />
        <MainNav />
        <div className="ml-auto">
          <Suspense fallback={<TimeRangePickerFallback />}>
            <TimeRangePicker />
          </Suspense>
        </div>
      </div>
    </header>
  );
}
