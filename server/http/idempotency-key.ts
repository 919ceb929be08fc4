import { createHash } from 'node:crypto';
import { type ExecutionResult, GraphQLError, getOperationAST, locatedError, print } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import stringify from 'safe-stable-stringify';
import type { Database } from '../db/database.js';
import { Q } from '../db/queries.js';
import { type IdempotencyClaim, inRequest } from '../db/request-context.js';
import type { KeptAnswerRow } from '../db/rows.js';
import type { Context } from '../schema/context.js';
import { toGraphQLError } from '../schema/errors.js';
import { AlreadyAppliedError, IdempotencyKeyReusedError } from '../services/errors.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Visible ASCII, as the IETF draft's examples (UUIDs, random tokens) are. */
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What a replayed answer says beside its data: the same errors, and that it is a replay. */
function replay(response: string): ExecutionResult {
  const kept = JSON.parse(response) as {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
  };
  return {
    data: kept.data ?? null,
    ...(kept.errors
      ? { errors: kept.errors.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions })) }
      : {}),
    extensions: { http: { headers: { 'idempotent-replayed': 'true' } } },
  };
}

const refused = (error: GraphQLError): ExecutionResult => ({ data: null, errors: [error] });

/**
 * Idempotent mutations: a request that sends `Idempotency-Key: <key>` changes the graph once. Its batches (every
 * mutation that changes the graph writes one) claim the key in their own transactions
 * (services/editing/idempotency.ts), and its answer is kept for 24 hours. Mutations that write no batch (logins,
 * password changes, intakes waiting for a second editor) ignore the key.
 * A retry with the same key and the same request gets that answer again (`Idempotent-Replayed: true`)
 * without doing anything; with another request, IDEMPOTENCY_KEY_REUSED; while the first is still running or
 * when its answer was lost (the process died after the commit), ALREADY_APPLIED. Keys belong to the caller:
 * another editor's identical key is another key. Queries ignore the header.
 *
 * `mask` turns errors into what clients may see, so a replay never shows more than the first answer did.
 */
export function idempotentMutations(db: Database, mask: (error: GraphQLError) => GraphQLError): Plugin<Context> {
  return {
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const context = args.contextValue as Context;
      const key = context.request?.headers.get(IDEMPOTENCY_HEADER);
      if (key == null) return;
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      if (!VALID_KEY.test(key)) {
        setResultAndStopExecution(
          refused(
            new GraphQLError('The Idempotency-Key header must be 1 to 255 visible ASCII characters, e.g. a UUID.', {
              extensions: { code: 'BAD_USER_INPUT', argument: IDEMPOTENCY_HEADER, http: { status: 400 } },
            }),
          ),
        );
        return;
      }
      const claim: IdempotencyClaim = {
        key: sha256(`${context.user?.id ?? 'anonymous'}\n${key}`),
        request: sha256(
          stringify({
            document: print(args.document),
            operationName: args.operationName ?? null,
            variables: args.variableValues ?? {},
          }) ?? '',
        ),
        batches: [],
      };
      const find = async () => (await db.readFromLeader(Q['idempotency-find'], { key: claim.key }))[0];
      const answerOf = (kept: KeptAnswerRow): ExecutionResult => {
        if (kept.request !== claim.request) return refused(toGraphQLError(new IdempotencyKeyReusedError()));
        if (kept.response) return replay(kept.response);
        return refused(toGraphQLError(new AlreadyAppliedError(kept.batches)));
      };
      setExecuteFn(async (execution) => {
        try {
          const kept = await find();
          if (kept) return answerOf(kept);
          const result = (await inRequest({ idempotency: claim }, () => executeFn(execution))) as ExecutionResult;
          if (claim.batches.length > 0) {
            await keep(db, claim.key, result, mask);
          } else if (result.errors?.some((e) => e.originalError instanceof AlreadyAppliedError)) {
            // Another request with the key committed while this one waited for it: its answer, if kept by now.
            const theirs = await find();
            if (theirs) return answerOf(theirs);
          }
          return result;
        } catch (error) {
          // Looking the key up failed (Neo4j away): an answer like any other request's, 503 included.
          return refused(mask(error instanceof GraphQLError ? error : locatedError(error, undefined)));
        }
      });
    },
  };
}

/** Keeps the answer as the client sees it; when Neo4j is away now, a retry learns ALREADY_APPLIED instead. */
async function keep(
  db: Database,
  key: string,
  result: ExecutionResult,
  mask: (error: GraphQLError) => GraphQLError,
): Promise<void> {
  const errors = result.errors?.map((error) => {
    const { message, path, extensions } = mask(error).toJSON();
    return { message, path, extensions };
  });
  const response = JSON.stringify({ data: result.data ?? null, ...(errors ? { errors } : {}) });
  try {
    await db.write(Q['idempotency-answer'], { key, response });
  } catch {
    // The change itself is committed and claimed; only the copy of its answer is missing.
  }
}
