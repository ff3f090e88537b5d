// `npm test`: every suite, in order of cost. Stops at the first failing stage (non-zero exit).
import { buildIfNeeded, installIfNeeded, run } from './lib/prepare.mjs';

const npx = (args) => run('npx', ['--no-install', ...args]);

installIfNeeded();
console.log('\n== lint'); npx(['eslint', '.']);
console.log('\n== typecheck'); npx(['tsc', '--noEmit', '-p', 'tsconfig.json']);
console.log('\n== unit tests'); npx(['vitest', 'run', '--config', 'vitest.config.mts']);
console.log('\n== build'); buildIfNeeded();
console.log('\n== integration tests (real server)'); npx(['vitest', 'run', '--config', 'vitest.int.config.mts']);
console.log('\n== browser tests (Playwright, Chromium)'); npx(['playwright', 'test']);
console.log('\nall suites passed');
