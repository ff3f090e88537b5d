'use client';

import { useSearchParams } from 'next/navigation';
import { ComingSoon } from '@/components/shell/coming-soon';
import { TraceLogsView } from './trace-logs-view';

const TRACE_ID = /^[0-9a-f]{32}$/i;
const SPAN_ID = /^[0-9a-f]{16}$/i;

/** /logs: for now the logs of one trace or span (`?traceId=&spanId=`); full log search comes with the Logs issue. */
export function LogsPageView() {
  const params = useSearchParams();
  const traceId = params.get('traceId') ?? '';
  const spanId = params.get('spanId') ?? '';
  if (!TRACE_ID.test(traceId)) {
    return <ComingSoon title="Logs" summary="Full-text log search is coming. Open a trace and use “Logs for this trace” to see its logs." />;
  }
  return <TraceLogsView traceId={traceId.toLowerCase()} spanId={SPAN_ID.test(spanId) ? spanId.toLowerCase() : undefined} />;
}
