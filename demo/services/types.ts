import type { ServiceName } from '../config';
import type { IncidentConfig } from '../incident';
import type { Routes } from '../http';

/** What a service needs to know about the rest of the shop. */
export interface ServiceContext {
  url(name: ServiceName): string;
  incident: IncidentConfig;
}

export interface ServiceDefinition {
  routes: Routes;
  /** Awaited on shutdown after the server stops accepting, e.g. for fire-and-forget calls. */
  drain?(): Promise<void>;
}

export type ServiceFactory = (context: ServiceContext) => ServiceDefinition;
