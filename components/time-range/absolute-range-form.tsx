'use client';

import { useId, useState, type FormEvent } from 'react';
import { formatTimeForInput, parseTimeInput } from '@/lib/time-input';
import { resolveTimeRange, type TimeRangeInput } from '@/lib/time-range';
import { TimeField } from './time-field';

interface AbsoluteRangeFormProps {
  range: TimeRangeInput;
  onApply: (range: TimeRangeInput) => void;
}

interface FormErrors {
  from?: string;
  to?: string;
  range?: string;
}

/** Validates both fields, then that `from` precedes `to` right now; returns the range or the errors to show. */
function validate(fromText: string, toText: string): { range: TimeRangeInput } | { errors: FormErrors } {
  const from = parseTimeInput(fromText);
  const to = parseTimeInput(toText);
  if (!from.ok || !to.ok) {
    return { errors: { from: from.ok ? undefined : from.error, to: to.ok ? undefined : to.error } };
  }
  const range = { from: from.expression, to: to.expression };
  try {
    resolveTimeRange(range, Date.now());
    return { range };
  } catch (error) {
    return { errors: { range: error instanceof Error ? error.message : String(error) } };
  }
}

export function AbsoluteRangeForm({ range, onApply }: AbsoluteRangeFormProps) {
  const headingId = useId();
  const [fromText, setFromText] = useState(() => formatTimeForInput(range.from));
  const [toText, setToText] = useState(() => formatTimeForInput(range.to));
  const [errors, setErrors] = useState<FormErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(fromText, toText);
    if ('errors' in result) setErrors(result.errors);
    else onApply(result.range);
  };

  return (
    <form aria-labelledby={headingId} noValidate onSubmit={submit} className="flex flex-1 flex-col gap-3">
      <h2 id={headingId} className="text-xs font-semibold uppercase tracking-wide text-fg-muted">
        Absolute time range
      </h2>
      <TimeField label="From" value={fromText} onChange={setFromText} error={errors.from} />
      <TimeField label="To" value={toText} onChange={setToText} error={errors.to} />
      <p className="text-xs text-fg-muted">
        Relative (<code className="font-mono">now-6h</code>), local date-time (
        <code className="font-mono">2026-11-22 04:00</code>) or epoch milliseconds.
      </p>
      {errors.range ? (
        <p role="alert" className="rounded border border-danger/40 bg-danger-bg px-2 py-1 text-sm text-danger">
          {errors.range}
        </p>
      ) : null}
      <button
        type="submit"
        className="self-start rounded-md bg-accent px-4 py-1.5 text-sm font-semibold text-canvas hover:bg-accent-strong"
      >
        Apply
      </button>
    </form>
  );
}
