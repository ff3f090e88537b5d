/**
 * Prometheus regular expressions (Go RE2 syntax, fully anchored) on JavaScript's engine, pure.
 *
 * Prometheus anchors every regex as `^(?s:re)$` and compiles it with Go's RE2. JavaScript's
 * RegExp accepts nearly the same syntax; the differences that show up in real queries are
 * translated here (`(?i)` prefix, `(?P<name>`, `\A`/`\z`, POSIX classes, `\Q…\E`). Shared by the
 * PromQL engine, the Prometheus API's selectors and the SQLite series source, so all match alike.
 */
const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** Rewrites Go RE2 syntax that JavaScript does not understand. */
export function translateRe2(re: string): { source: string; flags: string } {
  let flags = 's'; // (?s: — `.` matches newlines, as Prometheus compiles it.
  let src = re;
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    if (lead[1].includes('i')) flags += 'i';
    src = src.slice(lead[0].length);
  }
  src = src.replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_m, lit: string) => escapeLiteral(lit));
  src = src.replace(/\(\?P</g, '(?<');
  src = src.replace(/\\A/g, '^').replace(/\\z/g, '$');
  src = src.replace(/\[:(\^?)([a-z]+):\]/g, (m, neg: string, name: string) => {
    const cls = POSIX_CLASSES[name];
    if (!cls) return m;
    return neg ? `^${cls}` : cls; // only valid as the first item of a bracket, like RE2 requires in practice
  });
  if (/\\[pP]/.test(src)) flags += 'u';
  return { source: src, flags };
}

/** Compiles a Prometheus regex (fully anchored). Throws with Go-like wording on bad syntax. */
export function compileAnchoredRegex(re: string): RegExp {
  const { source, flags } = translateRe2(re);
  try {
    return new RegExp(`^(?:${source})$`, flags);
  } catch (err) {
    throw new Error(`error parsing regexp: ${(err as Error).message}`);
  }
}
