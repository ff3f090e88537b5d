'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc-client';
import { BUTTON, INPUT, LABEL, PRIMARY_BUTTON } from '@/components/ui/form-styles';
import { ErrorBanner, LoadingPanel } from '@/components/ui/status-panels';
import { emptyDashboard, uidFromTitle } from '@/lib/dashboards/model';
import { hrefWithTimeRange } from '@/lib/time-range-url';
import { DashboardImport } from './dashboard-import';

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/** /dashboards: search, create, import, and per dashboard open, duplicate, export, delete (confirmed). */
export function DashboardsListView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const params = useSearchParams();
  const [search, setSearch] = useState('');
  const [title, setTitle] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const list = useQuery({ ...trpc.dashboards.list.queryOptions({ search: search || undefined }), placeholderData: keepPreviousData });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.dashboards.list.pathKey() });
  const open = (uid: string) => router.push(hrefWithTimeRange(`/dashboards/${uid}`, params));
  const create = useMutation(trpc.dashboards.create.mutationOptions({ onSuccess: (r) => { void refresh(); open(r.uid); } }));
  const importing = useMutation(trpc.dashboards.import.mutationOptions({ onSuccess: (r) => { void refresh(); open(r.uid); } }));
  const duplicate = useMutation(trpc.dashboards.duplicate.mutationOptions({ onSuccess: () => void refresh() }));
  const remove = useMutation(trpc.dashboards.delete.mutationOptions({ onSuccess: () => { setConfirming(null); void refresh(); } }));
  const exportOne = async (uid: string) => {
    const r = await queryClient.fetchQuery(trpc.dashboards.export.queryOptions({ uid }));
    download(r.filename, r.json);
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <h1 className="mr-auto text-xl font-semibold text-fg">Dashboards</h1>
        <label className={LABEL}>Search dashboards
          <input type="search" className={INPUT} value={search} onChange={(e) => setSearch(e.target.value)} placeholder="title or tag" />
        </label>
        <form className="flex items-end gap-2" onSubmit={(e) => {
          e.preventDefault();
          const t = title.trim() || 'Untitled dashboard';
          create.mutate({ model: emptyDashboard(uidFromTitle(t), t) });
        }}>
          <label className={LABEL}>New dashboard title<input className={INPUT} value={title} onChange={(e) => setTitle(e.target.value)} /></label>
          <button type="submit" className={PRIMARY_BUTTON} disabled={create.isPending}>Create dashboard</button>
        </form>
      </div>
      {create.isError && <ErrorBanner title="Not created:" message={create.error.message} />}
      {[duplicate, remove].map((m, i) => m.isError && <ErrorBanner key={i} title="Failed:" message={m.error.message} />)}
      {list.data?.problems.map((p) => (
        <ErrorBanner key={p.path} title={`Provisioning file ${p.path} not loaded:`} message={p.message} />
      ))}
      {list.isPending ? <LoadingPanel label="Loading dashboards…" /> : list.isError ? (
        <ErrorBanner title="Dashboards unavailable:" message={list.error.message} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : list.data.dashboards.length === 0 ? (
        <p role="status" className="rounded-lg border border-line bg-panel p-6 text-sm text-fg-muted">{search ? 'No dashboard matches.' : 'No dashboards yet: create or import one.'}</p>
      ) : (
        <table className="w-full border-collapse rounded-lg border border-line bg-panel text-sm">
          <caption className="sr-only">Dashboards</caption>
          <thead>
            <tr className="text-left text-xs text-fg-muted">
              <th scope="col" className="px-3 py-2">Title</th>
              <th scope="col" className="px-3 py-2">Tags</th>
              <th scope="col" className="px-3 py-2 text-right">Panels</th>
              <th scope="col" className="px-3 py-2 text-right">Version</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {list.data.dashboards.map((d) => (
              <tr key={d.uid} className="border-t border-line">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <Link href={hrefWithTimeRange(`/dashboards/${d.uid}`, params)} className="text-accent hover:text-accent-strong hover:underline">{d.title}</Link>
                  {d.provisioned && <span className="ml-2 text-xs text-fg-muted">provisioned</span>}
                </th>
                <td className="px-3 py-2 text-xs text-fg-muted">{d.tags.join(', ')}</td>
                <td className="px-3 py-2 text-right tabular-nums">{d.panelCount}</td>
                <td className="px-3 py-2 text-right tabular-nums">{d.version}</td>
                <td className="px-3 py-2">
                  {confirming === d.uid ? (
                    <span role="alertdialog" aria-label={`Delete ${d.title}?`} className="flex items-center justify-end gap-2">
                      <span className="text-xs">Delete “{d.title}”{d.provisioned ? ' (its file will bring it back)' : ''}?</span>
                      <button type="button" className={BUTTON} onClick={() => remove.mutate({ uid: d.uid })}>Confirm delete</button>
                      <button type="button" className={BUTTON} onClick={() => setConfirming(null)}>Keep</button>
                    </span>
                  ) : (
                    <span className="flex justify-end gap-2">
                      <button type="button" className={`${BUTTON} py-0.5 text-xs`} aria-label={`Duplicate ${d.title}`} onClick={() => duplicate.mutate({ uid: d.uid })}>Duplicate</button>
                      <button type="button" className={`${BUTTON} py-0.5 text-xs`} aria-label={`Export ${d.title}`} onClick={() => void exportOne(d.uid)}>Export</button>
                      <button type="button" className={`${BUTTON} py-0.5 text-xs`} aria-label={`Delete ${d.title}`} onClick={() => setConfirming(d.uid)}>Delete</button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DashboardImport onImport={(json) => importing.mutate({ json })} pending={importing.isPending} error={importing.isError ? importing.error.message : null} />
    </div>
  );
}
