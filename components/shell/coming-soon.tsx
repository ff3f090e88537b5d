/** Stand-in body for views that later issues fill in. */
export function ComingSoon({ title, summary }: { title: string; summary: string }) {
  return (
    <>
      <h1 className="text-xl font-semibold text-fg">{title}</h1>
      <p className="mt-2 max-w-2xl text-sm text-fg-muted">{summary}</p>
    </>
  );
}
