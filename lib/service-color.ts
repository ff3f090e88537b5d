/**
 * Stable service colors: the same service name gets the same color in every view and every session.
 * The palette is chosen to stay apart on a dark background; red is left out because it reads as "error".
 */
export const SERVICE_COLOR_PALETTE: readonly string[] = [
  '#5794f2', // blue
  '#73bf69', // green
  '#fade2a', // yellow
  '#ff9830', // orange
  '#b877d9', // purple
  '#3cc9d6', // cyan
  '#f47fbe', // pink
  '#b5d334', // lime
  '#c8a36b', // tan
];

/** 32-bit FNV-1a over UTF-16 code units: cheap, deterministic, and spreads similar names apart. */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function serviceColor(serviceName: string): string {
  return SERVICE_COLOR_PALETTE[fnv1a32(serviceName) % SERVICE_COLOR_PALETTE.length];
}
