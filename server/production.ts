/**
 * Loaded first by `npm start` (`node --import tsx --import ./server/production.ts server/main.ts`), before
 * any library reads NODE_ENV: a server started for use runs as production unless told otherwise. graphql-js
 * then skips its development checks on every type test (about 15 % of the CPU of a big answer, measured
 * in-process on a 2-hop neighbourhood).
 */
process.env.NODE_ENV ??= 'production';
