'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { BUTTON, INPUT, LABEL, PRIMARY_BUTTON } from '@/components/ui/form-styles';
import type { ExploreUrlState, ExploreViewMode } from '@/lib/explore/explore-url';
import { formatPromDuration, parsePromDuration } from '@/lib/explore/step';
import { PromQLEditor } from './promql-editor';

interface QueryFormProps {
  state: ExploreUrlState;
  /** The step used when the URL has none, shown as the step field's placeholder. */
  autoStepSeconds: number | null;
  onRun: (next: ExploreUrlState) => void;
}

interface Row { id: number; text: string }

/**
 * Query rows (each a PromQL editor), step and view. Edits stay local until run (Enter in an editor, or
 * "Run queries"); the URL is the source of truth after that. Keyed on the URL by its parent so Back and
 * Forward reset the drafts.
 */
export function QueryForm({ state, autoStepSeconds, onRun }: QueryFormProps) {
  const nextId = useRef(0);
  const newRow = (text: string): Row => ({ id: nextId.current++, text });
  const [rows, setRows] = useState<Row[]>(() => (state.queries.length ? state.queries : ['']).map(newRow));
  const [step, setStep] = useState(state.step);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const stepRef = useRef(step);
  stepRef.current = step;
  const hintId = useId();
  const stepId = useId();
  const stepInvalid = step.trim() !== '' && parsePromDuration(step) === null;

  const run = (view: ExploreViewMode = state.view) => {
    if (stepRef.current.trim() !== '' && parsePromDuration(stepRef.current) === null) return;
    onRun({ queries: rowsRef.current.map((r) => r.text), step: stepRef.current, view });
  };
  const submit = (e: FormEvent) => { e.preventDefault(); run(); };
  const setText = (id: number, text: string) => setRows((rs) => rs.map((r) => (r.id === id ? { ...r, text } : r)));
  const addRow = () => {
    const row = newRow('');
    setFocusRow(row.id);
    setRows((rs) => [...rs, row]);
  };
  const removeRow = (id: number) => setRows((rs) => (rs.length > 1 ? rs.filter((r) => r.id !== id) : rs));

  return (
    <form role="search" aria-label="PromQL queries" onSubmit={submit} className="flex flex-col gap-3 rounded-lg border border-line bg-panel p-3">
      <p id={hintId} className="sr-only">Enter runs the queries; Shift+Enter inserts a new line; Ctrl+Space lists completions.</p>
      <ol className="flex flex-col gap-2">
        {rows.map((row, index) => (
          <li key={row.id} className="flex items-start gap-2">
            <span aria-hidden="true" className="mt-1.5 w-6 shrink-0 text-right font-mono text-xs text-fg-muted">{index + 1}</span>
            <PromQLEditor label={`Query ${index + 1}`} initialValue={row.text} describedBy={hintId} autoFocus={focusRow === row.id}
              onChange={(text) => setText(row.id, text)} onRun={() => run()} />
            <button type="button" className={`${BUTTON} shrink-0`} aria-label={`Remove query ${index + 1}`} title="Remove this query"
              disabled={rows.length === 1} onClick={() => removeRow(row.id)}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-end gap-3">
        <button type="button" className={BUTTON} onClick={addRow}>Add query</button>
        <label className={LABEL} htmlFor={stepId}>
          Step
          <input id={stepId} className={`${INPUT} w-28 font-mono`} value={step}
            placeholder={autoStepSeconds ? `auto (${formatPromDuration(autoStepSeconds)})` : 'auto'}
            aria-invalid={stepInvalid} aria-describedby={stepInvalid ? `${stepId}-error` : undefined}
            onChange={(e) => setStep(e.target.value)} />
        </label>
        <div role="group" aria-label="View" className="flex overflow-hidden rounded-md border border-line-strong">
          {(['graph', 'table'] as const).map((mode) => (
            <button key={mode} type="button" aria-pressed={state.view === mode}
              className={`px-3 py-1.5 text-sm ${state.view === mode ? 'bg-panel-raised font-semibold text-fg' : 'text-fg-muted hover:bg-panel-raised hover:text-fg'}`}
              onClick={() => run(mode)}>
              {mode === 'graph' ? 'Graph' : 'Table'}
            </button>
          ))}
        </div>
        <button type="submit" className={`${PRIMARY_BUTTON} ml-auto`} disabled={stepInvalid}>Run queries</button>
        {stepInvalid && (
          <span id={`${stepId}-error`} role="alert" className="w-full text-sm text-danger">
            A step is a duration such as 15s, 1m or 1h30m, or a number of seconds.
          </span>
        )}
      </div>
    </form>
  );
}
