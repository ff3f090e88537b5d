import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';

export type ServiceMapView = inferRouterOutputs<AppRouter>['services']['map'];
export type ServiceMapNodeView = ServiceMapView['nodes'][number];
export type ServiceMapEdgeView = ServiceMapView['edges'][number];
