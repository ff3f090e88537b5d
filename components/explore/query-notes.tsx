/** Warnings and infos Prometheus attached to an answer, and what the views left out. */
export function QueryNotes({ index, warnings, infos, skippedHistograms }: { index: number; warnings: readonly string[]; infos: readonly string[]; skippedHistograms: number }) {
  if (warnings.length === 0 && infos.length === 0 && skippedHistograms === 0) return null;
  return (
    <ul aria-label={`Notes on query ${index + 1}`} className="flex flex-col gap-1 rounded-lg border border-line bg-panel px-3 py-2 text-xs">
      {warnings.map((w, i) => <li key={`w${i}`} className="text-[#ffcb7d]">Query {index + 1} warning: {w}</li>)}
      {infos.map((w, i) => <li key={`i${i}`} className="text-fg-muted">Query {index + 1}: {w}</li>)}
      {skippedHistograms > 0 && (
        <li className="text-fg-muted">Query {index + 1}: {skippedHistograms} native histogram series not shown.</li>
      )}
    </ul>
  );
}
