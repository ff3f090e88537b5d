'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { hrefWithTimeRange } from '@/lib/time-range-url';

const NAV_ITEMS: readonly { href: string; label: string }[] = [
  { href: '/', label: 'Home' },
  { href: '/explore', label: 'Explore' },
  { href: '/traces', label: 'Traces' },
  { href: '/services', label: 'Service map' },
  { href: '/logs', label: 'Logs' },
  { href: '/dashboards', label: 'Dashboards' },
  { href: '/targets', label: 'Targets' },
];

const NO_PARAMS = new URLSearchParams();

/** `page` on the item's own page, `true` inside its section (e.g. /traces/<id>), otherwise unset. */
function currentMarker(pathname: string, href: string): 'page' | 'true' | undefined {
  if (pathname === href) return 'page';
  if (href !== '/' && pathname.startsWith(`${href}/`)) return 'true';
  return undefined;
}

function MainNavLinks({ params }: { params: { get(name: string): string | null } }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="-mx-1 overflow-x-auto px-1">
      <ul className="flex items-center gap-1">
        {NAV_ITEMS.map((item) => {
          const current = currentMarker(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={hrefWithTimeRange(item.href, params)}
                aria-current={current}
                className={
                  current
                    ? 'block whitespace-nowrap rounded-md bg-panel-raised px-3 py-1.5 text-sm font-medium text-fg shadow-[inset_0_-2px_0_var(--color-accent)]'
                    : 'block whitespace-nowrap rounded-md px-3 py-1.5 text-sm text-fg-muted hover:bg-panel-raised hover:text-fg'
                }
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function MainNavWithRange() {
  return <MainNavLinks params={useSearchParams()} />;
}

/** Main navigation; every link carries the current `from`/`to` so switching views keeps the time range. */
export function MainNav() {
  return (
    <Suspense fallback={<MainNavLinks params={NO_PARAMS} />}>
      <MainNavWithRange />
    </Suspense>
  );
}
