/**
 * The log search box (`q=`): what the user types → terms → an FTS5 MATCH expression.
 *
 * Syntax (all terms must match, AND):
 *   `timeout`            a word (FTS5 token match: case-insensitive, whole tokens)
 *   `"gateway timeout"`  a phrase (tokens adjacent, in order)
 *   `time*`              a prefix
 *   `-declined`          excludes records containing the word/phrase/prefix (needs one positive term)
 * Punctuation inside a term splits it into tokens that must be adjacent (`order.id` = phrase
 * "order id"), as FTS5's unicode61 tokenizer indexes them.
 *
 * The substring mode (`match=substring`) bypasses this: the whole text is one literal,
 * case-insensitive substring of the body (a scan of the time range, no index).
 * Pure and isomorphic: the UI uses the same terms to highlight matches.
 */
export type LogTextMode = 'words' | 'substring';

export interface LogSearchTerm {
  kind: 'word' | 'phrase' | 'prefix';
  /** The term as typed, without quotes, `*` or `-`. */
  text: string;
  negated: boolean;
}

export class LogQueryError extends Error {}

/** Characters FTS5's default tokenizer keeps in tokens (letters and digits, any script). */
const TOKEN_CHAR = /[\p{L}\p{N}]/u;
/** `-`? then a quoted phrase (unterminated allowed: runs to the end) or a bare run of non-space. */
const TERM = /(-?)(?:"([^"]*)"?|(\S+))/g;

export function parseLogQuery(text: string): LogSearchTerm[] {
  const terms: LogSearchTerm[] = [];
  for (const m of text.matchAll(TERM)) {
    const [, minus, quoted, bare] = m;
    const negated = minus === '-';
    let term: LogSearchTerm;
    if (quoted !== undefined) term = { kind: 'phrase', text: quoted.trim(), negated };
    else if (bare.endsWith('*')) term = { kind: 'prefix', text: bare.replace(/\*+$/, ''), negated };
    else term = { kind: 'word', text: bare, negated };
    if (term.text === '') continue; // `""`, a lone `*` or `-`: nothing to look for
    if (!TOKEN_CHAR.test(term.text)) {
      throw new LogQueryError(`"${term.text}" has no letters or digits to search for: use the substring mode for punctuation`);
    }
    terms.push(term);
  }
  if (terms.length > 0 && terms.every((t) => t.negated)) {
    throw new LogQueryError('a search needs at least one term to find, not only terms to exclude (-word)');
  }
  return terms;
}

/** One FTS5 string (double quotes doubled), so operators typed by the user are plain text. */
const ftsString = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The FTS5 MATCH expression for `terms` (non-empty, at least one positive), e.g. `"a" "b"* NOT "c"`. */
export function toFts5Match(terms: readonly LogSearchTerm[]): string {
  const one = (t: LogSearchTerm) => (t.kind === 'prefix' ? `${ftsString(t.text)}*` : ftsString(t.text));
  const positive = terms.filter((t) => !t.negated).map(one).join(' AND ');
  const negative = terms.filter((t) => t.negated).map(one);
  // FTS5's NOT is binary (a NOT b) and binds tighter than AND, hence the parentheses.
  return negative.reduce((expr, n) => `(${expr}) NOT ${n}`, positive);
}

/** A SQL LIKE pattern for a literal substring; `\` is the escape character. */
export function toLikePattern(substring: string): string {
  return `%${substring.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
