export * from './resources';
export * from './spans';
export * from './logs';
export * from './metrics';
export * from './trace-summaries';
export * from './dashboards';
