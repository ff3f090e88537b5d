// Applies drizzle-kit's migrations to SIGHTLINE_DB (default ./data/sightline.db).
import { openDatabase } from '../db/client';
import { serverEnv } from '../server/env';

const file = serverEnv().SIGHTLINE_DB;
openDatabase(file).$client.close();
console.log(`[sightline] database ready: ${file}`);
