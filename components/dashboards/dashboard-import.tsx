'use client';

import { useState } from 'react';
import { BUTTON, INPUT, LABEL } from '@/components/ui/form-styles';

/** Import a dashboard's JSON from a file or pasted text; the server validates it. */
export function DashboardImport({ onImport, pending, error }: { onImport: (json: string) => void; pending: boolean; error: string | null }) {
  const [text, setText] = useState('');
  return (
    <details className="rounded-lg border border-line bg-panel p-3">
      <summary className="cursor-pointer text-sm font-semibold text-fg">Import a dashboard</summary>
      <form className="mt-3 flex flex-col gap-2" onSubmit={(e) => { e.preventDefault(); onImport(text); }}>
        <label className={LABEL}>Dashboard JSON file
          <input type="file" accept="application/json,.json" className="text-sm"
            onChange={async (e) => { const f = e.target.files?.[0]; if (f) setText(await f.text()); }} />
        </label>
        <label className={LABEL}>Dashboard JSON
          <textarea className={`${INPUT} font-mono`} rows={6} value={text} onChange={(e) => setText(e.target.value)} placeholder='{"schemaVersion": 1, "uid": "…", "title": "…", "panels": []}' />
        </label>
        {error && <p role="alert" className="text-sm text-red-300">{error}</p>}
        <button type="submit" className={`${BUTTON} self-start`} disabled={pending || text.trim() === ''}>{pending ? 'Importing…' : 'Import'}</button>
      </form>
    </details>
  );
}
