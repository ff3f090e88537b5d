/** Comparing Prometheus API answers from two servers: same series (label sets) and values within a relative tolerance. */
interface PromSample { metric?: Record<string, string>; value?: [number, string]; values?: [number, string][] }
export interface PromAnswer { status: string; data?: { resultType: string; result: PromSample[] | [number, string] }; errorType?: string; error?: string }

const key = (m: Record<string, string> = {}) => JSON.stringify(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));

function close(a: string, b: string, tolerance: number): boolean {
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  if (x === y) return true;
  return Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y));
}

/** Differences between `got` (Sightline) and `want` (Prometheus), as readable lines; [] when they agree. */
export function diffPromAnswers(got: PromAnswer, want: PromAnswer, tolerance = 1e-5): string[] {
  if (want.status !== 'success') return got.status === want.status ? [] : [`status ${got.status}, want ${want.status} (${want.error})`];
  if (got.status !== 'success') return [`error ${got.errorType}: ${got.error}`];
  const g = got.data!;
  const w = want.data!;
  if (g.resultType !== w.resultType) return [`resultType ${g.resultType}, want ${w.resultType}`];
  if (w.resultType === 'scalar' || w.resultType === 'string') {
    const [gt, gv] = g.result as [number, string];
    const [wt, wv] = w.result as [number, string];
    return gt === wt && close(gv, wv, tolerance) ? [] : [`scalar ${gt} ${gv}, want ${wt} ${wv}`];
  }
  const out: string[] = [];
  const gotBy = new Map((g.result as PromSample[]).map((s) => [key(s.metric), s]));
  for (const ws of w.result as PromSample[]) {
    const k = key(ws.metric);
    const gs = gotBy.get(k);
    gotBy.delete(k);
    if (!gs) { out.push(`missing series ${k}`); continue; }
    const wp = ws.values ?? (ws.value ? [ws.value] : []);
    const gp = gs.values ?? (gs.value ? [gs.value] : []);
    if (wp.length !== gp.length) { out.push(`${k}: ${gp.length} points, want ${wp.length}`); continue; }
    for (let i = 0; i < wp.length; i++) {
      if (gp[i][0] !== wp[i][0] || !close(gp[i][1], wp[i][1], tolerance)) {
        out.push(`${k} @${wp[i][0]}: got ${gp[i][0]} ${gp[i][1]}, want ${wp[i][1]}`);
        break;
      }
    }
  }
  for (const k of gotBy.keys()) out.push(`unexpected series ${k}`);
  return out.slice(0, 10);
}
