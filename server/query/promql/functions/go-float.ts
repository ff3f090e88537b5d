/**
 * Go's strconv.ParseFloat(s, 64) for label values such as `le="+Inf"`: decimal or hex floats,
 * optional sign, digit-separating underscores, and case-insensitive inf/infinity/nan.
 * Returns undefined where Go returns an error.
 */
const DEC = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const HEX = /^([+-]?)0[xX]((?:_?[0-9a-fA-F])*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/;

export function parseGoFloat(s: string): number | undefined {
  const lower = s.toLowerCase();
  const unsigned = lower.replace(/^[+-]/, '');
  if (unsigned === 'inf' || unsigned === 'infinity') return lower.startsWith('-') ? -Infinity : Infinity;
  if (unsigned === 'nan') return NaN;
  if (DEC.test(s)) return Number(s.replace(/_/g, ''));
  const m = HEX.exec(s);
  if (m) {
    const intPart = m[2].replace(/_/g, '');
    const frac = m[3] ?? '';
    if (intPart === '' && frac === '') return undefined;
    const v = parseInt(intPart + frac || '0', 16) * 2 ** (Number(m[4]) - 4 * frac.length);
    return m[1] === '-' ? -v : v;
  }
  return undefined;
}
