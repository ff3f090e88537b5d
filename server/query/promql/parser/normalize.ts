/**
 * Text normalisation before lezer: a few number spellings Go's lexer accepts and the lezer
 * grammar does not. Only character insertions/replacements outside strings and comments, with
 * the insertion points returned so error positions can be mapped back.
 */

/**
 * Go's lexer accepts `1.` (and `1.e3`) and `0X1F` as numbers; the lezer grammar requires a digit
 * after the dot and a lower-case x. Normalising outside strings and comments makes both agree.
 */
export function completeTrailingDots(query: string): { text: string; insertedAt: number[] } {
  const insertedAt: number[] = [];
  let out = '';
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < query.length && query[j] !== c && query[j] !== '\n') j += query[j] === '\\' && c !== '`' ? 2 : 1;
      out += query.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '#') {
      const j = query.indexOf('\n', i);
      const end = j < 0 ? query.length : j;
      out += query.slice(i, end);
      i = end - 1;
      continue;
    }
    // Go also accepts an upper-case hex prefix; lezer only `0x` (same length, positions unchanged).
    if (c === 'X' && query[i - 1] === '0' && !/[\w.:]/.test(query[i - 2] ?? '')) {
      out += 'x';
      continue;
    }
    out += c;
    if (c === '.' && /\d/.test(query[i - 1] ?? '') && !/\d/.test(query[i + 1] ?? '') && !/[\w:]/.test(numberStart(query, i))) {
      out += '0';
      insertedAt.push(out.length - 1);
    }
  }
  return { text: out, insertedAt };
}

/** The character before the run of digits ending at `dot` (to skip identifiers like `a1.`). */
function numberStart(query: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && /[\d_]/.test(query[i])) i--;
  return query[i] ?? '';
}

