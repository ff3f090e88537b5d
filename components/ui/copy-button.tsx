'use client';

import { useState } from 'react';

/** Copies `text` to the clipboard; its accessible name says what it copies. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button type="button" aria-label={`Copy ${what}`}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => { setCopied(true); setTimeout(() => setCopied(false), 1500); });
      }}
      className="rounded border border-line px-1.5 py-0.5 text-[11px] text-fg-muted hover:bg-panel-raised hover:text-fg">
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
