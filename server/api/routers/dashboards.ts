import { z } from 'zod';
import { UID_PATTERN } from '@/lib/dashboards/model';
import { deleteDashboard } from '@/server/query/dashboards/delete-dashboard';
import { duplicateDashboard } from '@/server/query/dashboards/duplicate-dashboard';
import { exportDashboard, getDashboard } from '@/server/query/dashboards/get-dashboard';
import { listDashboards } from '@/server/query/dashboards/list-dashboards';
import { createDashboard, importDashboard, updateDashboard } from '@/server/query/dashboards/save-dashboard';
import { callVerb } from '../errors';
import { createTRPCRouter, publicProcedure } from '../trpc';

const uid = z.string().regex(UID_PATTERN, 'uid: 1–64 letters, digits, - or _');
// The model itself is validated by the verbs (lib/dashboards/model.ts), so its errors read the same
// whether it arrives here, by import or from a provisioned file.
const model = z.unknown();

export const dashboardsRouter = createTRPCRouter({
  list: publicProcedure.input(z.object({ search: z.string().max(200).optional() }).optional())
    .query(({ input }) => callVerb(() => listDashboards(input?.search))),
  get: publicProcedure.input(z.object({ uid })).query(({ input }) => callVerb(() => getDashboard(input.uid))),
  create: publicProcedure.input(z.object({ model })).mutation(({ input }) => callVerb(() => createDashboard(input.model))),
  /** Optimistic: `version` is the one the editor loaded; CONFLICT when someone saved since. */
  update: publicProcedure.input(z.object({ uid, version: z.number().int().min(1), model }))
    .mutation(({ input }) => callVerb(() => updateDashboard(input.uid, input.version, input.model))),
  duplicate: publicProcedure.input(z.object({ uid, title: z.string().max(200).optional() }))
    .mutation(({ input }) => callVerb(() => duplicateDashboard(input.uid, input.title))),
  delete: publicProcedure.input(z.object({ uid })).mutation(({ input }) => callVerb(() => { deleteDashboard(input.uid); return { uid: input.uid }; })),
  import: publicProcedure.input(z.object({ json: z.string().min(1).max(2_000_000) }))
    .mutation(({ input }) => callVerb(() => importDashboard(input.json))),
  export: publicProcedure.input(z.object({ uid })).query(({ input }) => callVerb(() => exportDashboard(input.uid))),
});
