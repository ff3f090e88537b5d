/** Shared loading and error states: announced to screen readers as a status / an alert. */
export function LoadingPanel({ label }: { label: string }) {
  return (
    <div role="status" className="rounded-lg border border-line bg-panel p-4">
      <span className="text-sm text-fg-muted">{label}</span>
      <div aria-hidden="true" className="mt-3 flex flex-col gap-2">
        {[0, 1, 2].map((row) => <div key={row} className="h-5 animate-pulse rounded bg-panel-raised" />)}
      </div>
    </div>
  );
}

interface ErrorBannerProps {
  title: string;
  message: string;
  onRetry?: () => void;
  retrying?: boolean;
}

export function ErrorBanner({ title, message, onRetry, retrying = false }: ErrorBannerProps) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg border border-danger/40 bg-danger-bg px-4 py-3 text-sm">
      <span className="font-semibold text-danger">{title}</span>
      <span className="text-fg">{message}</span>
      {onRetry && (
        <button type="button" onClick={onRetry} disabled={retrying}
          className="ml-auto rounded-md border border-line-strong px-3 py-1 text-fg hover:bg-panel-raised disabled:opacity-60">
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      )}
    </div>
  );
}
