/**
 * Node flags of the console's server process, shared by `npm start` and the test/bench harness so
 * both run the server the same way.
 *
 * --max-semi-space-size=64 (MiB, default 16): a request's decoded rows live until their group commit,
 * a few ms later, which outlives V8's young generation under load, so they were copied into the old
 * heap and collected there. A larger nursery lets them die young: +20–30% spans/s in bench:ingest
 * for at most ~150 MB more peak memory (young generation = 3 × semi-space).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
