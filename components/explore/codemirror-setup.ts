/**
 * The PromQL editor's CodeMirror 6 setup. Imported dynamically by promql-editor.tsx, so CodeMirror and
 * the PromQL grammar load only in the browser, in their own chunk.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, insertNewlineAndIndent } from '@codemirror/commands';
import { HighlightStyle, bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintKeymap } from '@codemirror/lint';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, drawSelection, highlightSpecialChars, keymap, placeholder, tooltips } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { PromQLExtension } from '@prometheus-io/codemirror-promql';

/**
 * One PromQL extension for every editor on the page, so they share the completion client and its cache.
 * `url: ''` means same origin: the client calls /api/v1/labels, /api/v1/label/<name>/values, /api/v1/series
 * and /api/v1/metadata on our own server. GET because every Prometheus-compatible API takes GET.
 */
let shared: PromQLExtension | null = null;
function promQL(): PromQLExtension {
  shared ??= new PromQLExtension().setComplete({
    remote: {
      url: '',
      httpMethod: 'GET',
      lookbackInterval: 12 * 60 * 60 * 1000,
      cache: { maxAge: 5 * 60 * 1000 },
      // Completion is a convenience: a failing lookup must not break typing or flood the console.
      httpErrorHandler: () => undefined,
    },
  });
  return shared;
}

/** Colors from the app's dark palette (app/globals.css); every one above 7:1 on the canvas. */
const promQLHighlight = HighlightStyle.define([
  { tag: tags.variableName, color: '#8ab8ff' },
  { tag: tags.function(tags.variableName), color: '#ffcb7d' },
  { tag: [tags.operatorKeyword, tags.modifier], color: '#ca95e5', fontWeight: '600' },
  { tag: tags.labelName, color: '#8ee1e8' },
  { tag: tags.string, color: '#96d98d' },
  { tag: tags.number, color: '#ffa6b0' },
  { tag: [tags.operator, tags.logicOperator, tags.arithmeticOperator], color: '#f47fbe' },
  { tag: [tags.paren, tags.squareBracket, tags.brace], color: '#a3aebb' },
  { tag: tags.comment, color: '#a3aebb', fontStyle: 'italic' },
  { tag: tags.invalid, color: '#ff8a80', textDecoration: 'underline wavy' },
]);

const darkTheme = EditorView.theme({
  '&': {
    backgroundColor: 'var(--color-canvas)',
    color: 'var(--color-fg)',
    fontSize: '13px',
    border: '1px solid var(--color-line-strong)',
    borderRadius: '6px',
  },
  '&.cm-focused': { outline: '2px solid var(--color-accent)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5', maxHeight: '12rem', overflow: 'auto' },
  '.cm-content': { padding: '6px 0', caretColor: 'var(--color-accent-strong)' },
  '.cm-content:focus-visible': { outline: 'none' },
  '.cm-line': { padding: '0 8px' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-accent-strong)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: '#2d4a7a',
  },
  '.cm-placeholder': { color: 'var(--color-fg-muted)' },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': { backgroundColor: '#2b333e', outline: '1px solid var(--color-line-strong)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--color-panel-raised)',
    color: 'var(--color-fg)',
    border: '1px solid var(--color-line-strong)',
    borderRadius: '6px',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--font-mono)', maxHeight: '16rem' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '2px 8px' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: '#2d4a7a', color: 'var(--color-fg)' },
  '.cm-completionDetail': { color: 'var(--color-fg-muted)', fontStyle: 'normal', marginLeft: '0.75em' },
  '.cm-completionMatchedText': { textDecoration: 'none', color: 'var(--color-accent-strong)', fontWeight: '600' },
  '.cm-completionInfo': { padding: '6px 8px', maxWidth: '28rem' },
  '.cm-diagnostic': { padding: '4px 8px' },
  '.cm-diagnostic-error': { borderLeft: '4px solid var(--color-danger)' },
}, { dark: true });

export interface PromQLEditorOptions {
  parent: HTMLElement;
  doc: string;
  /** Accessible name of the editable area, e.g. "Query 1". */
  label: string;
  /** Id of an element describing the keys (Enter runs, Shift+Enter adds a line). */
  describedBy?: string;
  placeholderText?: string;
  onChange: (text: string) => void;
  onRun: () => void;
}

export interface PromQLEditorHandle {
  view: EditorView;
  /** Renames the field (rows are renumbered when one is removed). */
  setLabel: (label: string) => void;
}

function contentAttributes(label: string, describedBy?: string) {
  const attributes: Record<string, string> = { 'aria-label': label, 'aria-keyshortcuts': 'Enter Shift+Enter' };
  if (describedBy) attributes['aria-describedby'] = describedBy;
  return EditorView.contentAttributes.of(attributes);
}

export function createPromQLEditor(options: PromQLEditorOptions): PromQLEditorHandle {
  const run = () => { options.onRun(); return true; };
  const naming = new Compartment();
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        autocompletion({ icons: false }),
        // Completion's keymap sits at Prec.highest, so Enter picks a completion while the list is open.
        Prec.high(keymap.of([
          { key: 'Enter', run },
          { key: 'Mod-Enter', run },
          { key: 'Shift-Enter', run: insertNewlineAndIndent },
        ])),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap]),
        EditorView.lineWrapping,
        placeholder(options.placeholderText ?? 'PromQL, e.g. sum by (service) (rate(traces_spanmetrics_calls_total[5m]))'),
        naming.of(contentAttributes(options.label, options.describedBy)),
        tooltips({ parent: document.body }),
        promQL().asExtension(),
        syntaxHighlighting(promQLHighlight),
        darkTheme,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    setLabel: (label) => view.dispatch({ effects: naming.reconfigure(contentAttributes(label, options.describedBy)) }),
  };
}
