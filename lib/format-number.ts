const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Integer counts with thousands separators, identical on server and browser ("12,345"). */
export function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}
