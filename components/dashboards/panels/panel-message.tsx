import type { ReactNode } from 'react';

/** Loading, empty and error states inside a panel (a status region, so screen readers hear it). */
export function PanelMessage({ kind, children }: { kind: 'loading' | 'empty' | 'error'; children: ReactNode }) {
  return (
    <p role={kind === 'error' ? 'alert' : 'status'} className={`p-2 text-sm ${kind === 'error' ? 'text-red-300' : 'text-fg-muted'}`}>
      {children}
    </p>
  );
}
