'use client';

import { useEffect, useRef, useState } from 'react';
import superjson from 'superjson';
import type { LogRecord } from './types';

/** Records kept on screen while tailing; older ones drop off the end. */
export const TAIL_BUFFER = 500;

export interface LiveTailState {
  records: LogRecord[];
  /** Matching records the server did not send (over its per-second cap) since the tail started. */
  skipped: number;
  status: 'connecting' | 'live' | 'paused' | 'error';
  error: string;
}

/**
 * Streams new matching records from /api/logs/tail (SSE). Pausing closes the stream and remembers
 * the last record id; resuming reopens it with `after=` so nothing is silently lost (the server's
 * cap reports what it skips). `query` is the tail's query string (the search filters).
 */
export function useLiveTail(query: string, paused: boolean): LiveTailState {
  const [state, setState] = useState<LiveTailState>({ records: [], skipped: 0, status: 'connecting', error: '' });
  const lastId = useRef<number | null>(null);

  // A new search is a new tail.
  useEffect(() => {
    lastId.current = null;
    setState({ records: [], skipped: 0, status: 'connecting', error: '' });
  }, [query]);

  useEffect(() => {
    if (paused) {
      setState((s) => ({ ...s, status: 'paused' }));
      return;
    }
    const after = lastId.current === null ? '' : `${query ? '&' : ''}after=${lastId.current}`;
    const source = new EventSource(`/api/logs/tail?${query}${after}`);
    source.addEventListener('ready', (e) => {
      const { lastId: id } = JSON.parse((e as MessageEvent<string>).data) as { lastId: number };
      lastId.current ??= id;
      setState((s) => ({ ...s, status: 'live', error: '' }));
    });
    source.addEventListener('records', (e) => {
      const tick = superjson.parse<{ records: LogRecord[]; skipped: number; lastId: number }>((e as MessageEvent<string>).data);
      lastId.current = tick.lastId;
      setState((s) => ({ ...s, status: 'live', skipped: s.skipped + tick.skipped, records: [...tick.records, ...s.records].slice(0, TAIL_BUFFER) }));
    });
    source.addEventListener('failure', (e) => {
      setState((s) => ({ ...s, status: 'error', error: (JSON.parse((e as MessageEvent<string>).data) as { error: string }).error }));
      source.close();
    });
    // EventSource reconnects by itself after network errors; say so while it does.
    source.onerror = () => setState((s) => ({ ...s, status: source.readyState === EventSource.CLOSED ? 'error' : 'connecting',
      error: source.readyState === EventSource.CLOSED ? 'The live tail was refused: check the filters.' : '' }));
    return () => source.close();
  }, [query, paused]);

  return state;
}
