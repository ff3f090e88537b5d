import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer | undefined;

/** One real server for the integration suite; tests read its URL and DB path from `inject`. */
export default async function setup(project: TestProject) {
  server = await startServer();
  project.provide('sightlineUrl', server.url);
  project.provide('sightlineDb', server.dbFile);
  return async () => {
    await server?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    sightlineUrl: string;
    sightlineDb: string;
  }
}
