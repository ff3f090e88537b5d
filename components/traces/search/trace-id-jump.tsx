'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { INPUT, BUTTON } from '@/components/ui/form-styles';
import { hrefWithTimeRange } from '@/lib/time-range-url';

const TRACE_ID = /^[0-9a-f]{32}$/i;

/** "Go to trace": a trace id opens the waterfall directly, keeping the time range. */
export function TraceIdJump() {
  const router = useRouter();
  const params = useSearchParams();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = text.trim().toLowerCase();
    if (!TRACE_ID.test(id)) { setError('A trace id is 32 hexadecimal characters.'); return; }
    setError('');
    router.push(hrefWithTimeRange(`/traces/${id}`, params));
  };
  return (
    <form onSubmit={submit} aria-label="Go to trace" className="flex items-center gap-2">
      <label className="sr-only" htmlFor="trace-id-jump">Trace ID</label>
      <input id="trace-id-jump" className={`${INPUT} w-80 font-mono`} value={text} placeholder="Trace ID"
        aria-invalid={error !== ''} aria-describedby={error ? 'trace-id-jump-error' : undefined}
        onChange={(e) => setText(e.target.value)} />
      <button type="submit" className={BUTTON}>Open trace</button>
      {error && <span id="trace-id-jump-error" role="alert" className="text-sm text-danger">{error}</span>}
    </form>
  );
}
