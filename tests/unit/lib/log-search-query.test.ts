import { describe, expect, it } from 'vitest';
import { LogQueryError, parseLogQuery, toFts5Match, toLikePattern } from '@/lib/log-search-query';
import { highlightSegments } from '@/lib/log-highlight';

describe('parseLogQuery', () => {
  it('reads words, phrases, prefixes and exclusions', () => {
    expect(parseLogQuery('payment "gateway timeout" decl* -insufficient')).toEqual([
      { kind: 'word', text: 'payment', negated: false },
      { kind: 'phrase', text: 'gateway timeout', negated: false },
      { kind: 'prefix', text: 'decl', negated: false },
      { kind: 'word', text: 'insufficient', negated: true },
    ]);
  });

  it('treats an unterminated quote as a phrase to the end, and skips empty terms', () => {
    expect(parseLogQuery('"card processor')).toEqual([{ kind: 'phrase', text: 'card processor', negated: false }]);
    expect(parseLogQuery('  ""  * ')).toEqual([]);
  });

  it('refuses terms with nothing to search for, and exclusions alone', () => {
    expect(() => parseLogQuery('::')).toThrow(LogQueryError);
    expect(() => parseLogQuery('-error')).toThrow(/at least one term/);
  });
});

describe('toFts5Match', () => {
  it('quotes every term so FTS5 operators typed by the user are plain text', () => {
    expect(toFts5Match(parseLogQuery('NOT AND'))).toBe('"NOT" AND "AND"');
    expect(toFts5Match(parseLogQuery('a"b'))).toBe('"a""b"');
  });

  it('builds prefixes and binary NOTs', () => {
    expect(toFts5Match(parseLogQuery('time* -gateway -"card x"'))).toBe('(("time"*) NOT "gateway") NOT "card x"');
  });
});

describe('toLikePattern', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(toLikePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('highlightSegments', () => {
  const marked = (text: string, q: string, mode: 'words' | 'substring' = 'words') =>
    highlightSegments(text, mode === 'words' ? parseLogQuery(q) : [], mode, q).filter((s) => s.match).map((s) => s.text);

  it('marks whole words, prefixes and phrases case-insensitively', () => {
    expect(marked('Payment declined: gateway timeout', 'payment timeout')).toEqual(['Payment', 'timeout']);
    expect(marked('payments payday paid', 'pay*')).toEqual(['payments', 'payday']);
    expect(marked('gateway  timeout, gateway ok', '"gateway timeout"')).toEqual(['gateway  timeout']);
    expect(marked('repayment', 'payment')).toEqual([]); // not at a token start
  });

  it('marks literal substrings in substring mode and keeps all the text', () => {
    const segments = highlightSegments('a.b.c', [], 'substring', '.b.');
    expect(segments).toEqual([{ text: 'a', match: false }, { text: '.b.', match: true }, { text: 'c', match: false }]);
  });
});
