'use client';

import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PromQLEditorHandle } from './codemirror-setup';
import { INPUT } from '@/components/ui/form-styles';

interface PromQLEditorProps {
  /** Accessible name, e.g. "Query 1". */
  label: string;
  initialValue: string;
  describedBy?: string;
  autoFocus?: boolean;
  onChange: (text: string) => void;
  onRun: () => void;
}

/**
 * A PromQL editor: CodeMirror 6 with highlighting, linting and completion from our own API, loaded on the
 * client only. Until it has loaded (or if it fails to), a plain textarea with the same name and keys
 * stands in, so the field is usable from the first paint.
 */
export function PromQLEditor({ label, initialValue, describedBy, autoFocus = false, onChange, onRun }: PromQLEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const fallback = useRef<HTMLTextAreaElement>(null);
  const text = useRef(initialValue);
  const callbacks = useRef({ onChange, onRun });
  useLayoutEffect(() => { callbacks.current = { onChange, onRun }; });
  const [draft, setDraft] = useState(initialValue);
  const [ready, setReady] = useState(false);
  const focusOnReady = useRef(autoFocus);
  const editor = useRef<PromQLEditorHandle | null>(null);
  const naming = useRef({ label, describedBy });
  useLayoutEffect(() => {
    naming.current = { label, describedBy };
    editor.current?.setLabel(label);
  }, [label, describedBy]);

  useEffect(() => {
    // Keystrokes that reached the server-rendered textarea before hydration fired no onChange: adopt them.
    const typed = fallback.current?.value;
    if (typed !== undefined && typed !== text.current) {
      text.current = typed;
      setDraft(typed);
      callbacks.current.onChange(typed);
    }
    let cancelled = false;
    import('./codemirror-setup').then(({ createPromQLEditor }) => {
      if (cancelled || !host.current) return;
      const hadFocus = fallback.current !== null && document.activeElement === fallback.current;
      const handle = createPromQLEditor({
        parent: host.current, doc: text.current, ...naming.current,
        onChange: (value) => { text.current = value; callbacks.current.onChange(value); },
        onRun: () => callbacks.current.onRun(),
      });
      editor.current = handle;
      focusOnReady.current ||= hadFocus;
      setReady(true);
    }).catch(() => { /* keep the textarea */ });
    return () => {
      cancelled = true;
      editor.current?.view.destroy();
      editor.current = null;
    };
  }, []);

  // The swap, in the same task as the commit that removes the textarea so no keystroke falls in between:
  // take over what was typed since the editor was created, then the focus (the editor cannot take focus
  // while its host is hidden).
  useLayoutEffect(() => {
    const view = editor.current?.view;
    if (!ready || !view) return;
    if (view.state.doc.toString() !== text.current) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text.current } });
    }
    if (!focusOnReady.current) return;
    focusOnReady.current = false;
    view.focus();
    view.dispatch({ selection: { anchor: view.state.doc.length } });
  }, [ready]);

  return (
    <div className="min-w-0 flex-1">
      <div ref={host} hidden={!ready} />
      {!ready && (
        <textarea ref={fallback} aria-label={label} aria-describedby={describedBy} rows={1} value={draft} autoFocus={autoFocus}
          spellCheck={false} className={`${INPUT} block w-full resize-y font-mono`}
          onChange={(e) => { text.current = e.target.value; setDraft(e.target.value); callbacks.current.onChange(e.target.value); }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); callbacks.current.onRun(); }
          }} />
      )}
    </div>
  );
}
