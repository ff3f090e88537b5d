'use client';

import { useId } from 'react';

interface TimeFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** A labelled text input for one end of the range, with its error announced and linked by aria-describedby. */
export function TimeField({ label, value, onChange, error }: TimeFieldProps) {
  const inputId = useId();
  const errorId = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm text-fg">
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`h-8 rounded-md border bg-canvas px-2 font-mono text-sm text-fg ${
          error ? 'border-danger' : 'border-line hover:border-line-strong'
        }`}
      />
      {error ? (
        <p id={errorId} role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
