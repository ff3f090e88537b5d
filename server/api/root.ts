import { servicesRouter } from './routers/services';
import { tracesRouter } from './routers/traces';
import { logsRouter } from './routers/logs';
import { targetsRouter } from './routers/targets';
import { dashboardsRouter } from './routers/dashboards';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  services: servicesRouter,
  traces: tracesRouter,
  logs: logsRouter,
  targets: targetsRouter,
  dashboards: dashboardsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
