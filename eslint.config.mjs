// Lint: TypeScript rules plus the module boundaries of docs/ARCHITECTURE.md, enforced per folder
// with no-restricted-imports so the dependency map stays true by itself.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

const noDrizzleOrDb = [
  { group: ['@/db', '@/db/*', '**/db/*', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'], message: 'Only server/store may touch the database.' },
];

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', 'db/migrations/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', fetch: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
  // components/: components, lib, the tRPC client, and only *types* from the server's router.
  restrict(['components/**/*.{ts,tsx}'], [
    ...noDrizzleOrDb,
    { group: ['@/server/*', '!@/server/api', '@/server/api/*', '!@/server/api/root'], message: 'components/ may import only types from server/api/root.' },
  ]),
  // Pages and route handlers: server/query, server/ingest, server/api; never the store or the database.
  restrict(['app/**/*.{ts,tsx}'], [
    ...noDrizzleOrDb,
    { group: ['@/server/store', '@/server/store/*'], message: 'Route handlers go through server/query or server/ingest.' },
  ]),
  // tRPC routers: thin, over server/query and server/ingest.
  restrict(['server/api/**/*.ts'], [
    ...noDrizzleOrDb,
    { group: ['@/server/store', '@/server/store/*'], message: 'Routers call server/query verbs, not the store.' },
  ]),
  // Domain layers: store and lib only; never tRPC, Next or the database directly.
  restrict(['server/ingest/**/*.ts', 'server/query/**/*.ts', 'server/scrape/**/*.ts', 'server/jobs/**/*.ts', 'server/provisioning/**/*.ts'], [
    ...noDrizzleOrDb,
    { group: ['@trpc/*', 'next', 'next/*', '@/server/api', '@/server/api/*'], message: 'Domain code must not depend on tRPC or Next.' },
  ]),
  // server/store/: the storage port, below every other server layer. It may implement an interface
  // declared above it (the PromQL SeriesSource), so *type* imports are allowed, nothing at run time.
  {
    files: ['server/store/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{
        group: ['@/server/*', '!@/server/store', '!@/server/env'],
        allowTypeImports: true,
        message: 'server/store sits below the other server layers: type imports only.',
      }] }],
    },
  },
  // lib/: pure helpers, no project imports.
  restrict(['lib/**/*.ts'], [
    { group: ['@/*', '../*'], message: 'lib/ imports no project code.' },
  ]),
);
