/** Tailwind classes shared by form controls, so every input looks and focuses the same. */
export const INPUT = 'rounded-md border border-line-strong bg-canvas px-2 py-1.5 text-sm text-fg placeholder:text-fg-muted/70';
export const LABEL = 'flex flex-col gap-1 text-xs font-medium text-fg-muted';
export const BUTTON = 'rounded-md border border-line-strong px-3 py-1.5 text-sm text-fg hover:bg-panel-raised disabled:opacity-50';
export const PRIMARY_BUTTON = 'rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-canvas hover:bg-accent-strong disabled:opacity-50';
