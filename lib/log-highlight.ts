/**
 * Which parts of a log body the search matched, for highlighting. Mirrors the server's matching
 * closely enough for display: words and prefixes match at token starts, case-insensitively;
 * phrases match their tokens separated by any non-token characters; substring mode is literal.
 * Pure: returns segments, the component decides how to mark them.
 */
import type { LogSearchTerm, LogTextMode } from './log-search-query';

export interface TextSegment {
  text: string;
  match: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TOKENS = /[\p{L}\p{N}]+/gu;

function termPattern(t: LogSearchTerm): string | null {
  const tokens = t.text.match(TOKENS);
  if (!tokens) return null;
  const body = tokens.map(escapeRegExp).join('[^\\p{L}\\p{N}]+');
  // Token boundaries: not preceded by a token char; a word/phrase also not followed by one.
  return `(?<![\\p{L}\\p{N}])${body}${t.kind === 'prefix' ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])'}`;
}

/** Splits `text` into matched and unmatched segments (in order, covering the whole text). */
export function highlightSegments(text: string, terms: readonly LogSearchTerm[], mode: LogTextMode, rawQuery: string): TextSegment[] {
  let pattern: RegExp | null = null;
  if (mode === 'substring') {
    if (rawQuery !== '') pattern = new RegExp(escapeRegExp(rawQuery), 'giu');
  } else {
    const parts = terms.filter((t) => !t.negated).map(termPattern).filter((p): p is string => p !== null);
    if (parts.length > 0) pattern = new RegExp(parts.join('|'), 'giu');
  }
  if (!pattern) return [{ text, match: false }];
  const out: TextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0] === '') continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index), match: false });
    out.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length || out.length === 0) out.push({ text: text.slice(last), match: false });
  return out;
}
