'use client';

import Link from 'next/link';
import { useId, type ReactNode } from 'react';
import { BUTTON } from '@/components/ui/form-styles';

interface PanelFrameProps {
  title: string;
  /** Where the panel's data can be explored further (Explore, Logs, Traces), with its label. */
  link?: { href: string; label: string };
  editing?: boolean;
  onEdit?: () => void;
  onRemove?: () => void;
  children: ReactNode;
}

/** A panel's chrome: a titled region with a link out and, in edit mode, Edit and Remove. */
export function PanelFrame({ title, link, editing, onEdit, onRemove, children }: PanelFrameProps) {
  const headingId = useId();
  const name = title || 'Untitled panel';
  return (
    <section aria-labelledby={headingId} className="flex h-full min-h-0 flex-col rounded-lg border border-line bg-panel">
      <header className="flex items-center gap-2 border-b border-line px-3 py-1.5">
        <h2 id={headingId} className="min-w-0 flex-1 truncate text-sm font-semibold text-fg">{name}</h2>
        {link && (
          <Link href={link.href} prefetch={false} aria-label={`${link.label}: ${name}`} className="text-xs text-accent hover:text-accent-strong hover:underline">
            {link.label}
          </Link>
        )}
        {editing && (
          <>
            <button type="button" className={`${BUTTON} py-0.5 text-xs`} onClick={onEdit} aria-label={`Edit panel ${name}`}>Edit</button>
            <button type="button" className={`${BUTTON} py-0.5 text-xs`} onClick={onRemove} aria-label={`Remove panel ${name}`}>Remove</button>
          </>
        )}
      </header>
      <div className="min-h-0 flex-1 overflow-auto p-2">{children}</div>
    </section>
  );
}
