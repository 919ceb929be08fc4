import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Requests that are not GraphQL, or not well-formed, get an error with a code like every other error.
 * graphql-yoga and graphql-js describe them well but leave some without `extensions.code`, and a few
 * surface as exceptions that would otherwise be masked as internal errors.
 */

/** The largest request body read, unless GOVGRAPH_MAX_BODY_BYTES says otherwise: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const CSRF_MESSAGE =
  'GET requests and form posts need the header x-govgraph-csrf (any value), against cross-site request forgery; ' +
  'JSON posts need nothing extra.';

function httpStatusOf(error: GraphQLError): number | undefined {
  const http = error.extensions?.http as { status?: unknown } | undefined;
  return typeof http?.status === 'number' ? http.status : undefined;
}

/**
 * The same error with a code (and a clearer message): changed in place, because yoga logs every error that
 * masking replaces, and a client's malformed request is no server error.
 */
function coded(error: GraphQLError, code: string, message = error.message): GraphQLError {
  (error.extensions as Record<string, unknown>).code = code;
  error.message = message;
  return error;
}

/**
 * A request error yoga or graphql-js raised (HTTP 4xx) with a code: BAD_USER_INPUT for variables of the
 * wrong type or missing, BAD_REQUEST for the rest (the body, its content type, the method, the CSRF header).
 * Undefined for every other error.
 */
export function codedRequestError(error: unknown, limit: number): GraphQLError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const status = httpStatusOf(error);
  if (status === undefined || status < 400 || status >= 500) return undefined;
  if (status === 413) {
    // The rest of the body is not read: the connection cannot carry another request.
    (error.extensions as Record<string, unknown>).http = { status, headers: { connection: 'close' } };
    return coded(
      error,
      'REQUEST_ENTITY_TOO_LARGE',
      `The request body is larger than ${limit} bytes, the most this server reads.`,
    );
  }
  if (typeof error.extensions.code === 'string') return error;
  if (status === 403 && /CSRF/.test(error.message)) return coded(error, 'BAD_REQUEST', CSRF_MESSAGE);
  return coded(error, error.message.startsWith('Variable "$') ? 'BAD_USER_INPUT' : 'BAD_REQUEST');
}

const badRequest = (message: string, code = 'BAD_REQUEST') =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/** A lone surrogate: UTF-16 that is no Unicode text, and that Neo4j would store as U+FFFD. */
const LONE_SURROGATE = /\p{Cs}/u;

/** The path of the first string in `value` that is not well-formed Unicode, e.g. "input.aliases[1]". */
function malformedText(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  // Deeper than any input type of the schema: coercion refuses such a value anyway.
  if (depth > 20 || value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = malformedText(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Guards where graphql-yoga and graphql-js throw plain exceptions at hostile input: variables or extensions
 * in a GET URL that are not JSON (a SyntaxError), and documents nested so deeply that parsing them
 * overflows the stack (a RangeError). Both become 400s with a code. And variables holding text that is not
 * Unicode (a lone surrogate, which JSON can carry as "\ud800") are refused: stored, it would silently
 * become another text.
 */
export function hostileInputGuards(): Plugin {
  return {
    onParams({ params }) {
      const variables = params.variables;
      if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return;
      for (const [name, value] of Object.entries(variables)) {
        const path = malformedText(value, `$${name}`);
        if (path) {
          throw badRequest(
            `Variable "${path}" is not valid Unicode text: it holds half of a surrogate pair.`,
            'BAD_USER_INPUT',
          );
        }
      }
    },
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (error instanceof SyntaxError) {
            throw badRequest('The variables or extensions of the request are not valid JSON.');
          }
          throw error;
        }
      });
    },
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parseFn(source, options);
        } catch (error) {
          if (error instanceof RangeError) {
            throw badRequest('The query is nested too deeply to be read.', 'QUERY_LIMIT_EXCEEDED');
          }
          throw error;
        }
      });
    },
  };
}

/** A JSON error body with a code, for answers graphql-yoga gives without a body. */
function errorResponse(fetchAPI: { Response: typeof Response }, status: number, message: string, headers = {}) {
  const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  return new fetchAPI.Response(body, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-govgraph-error-code': 'BAD_REQUEST', ...headers },
  });
}

const WITHOUT_BODY: Readonly<Record<number, string>> = {
  406:
    'The Accept header asks for none of the types this API answers in: application/graphql-response+json, ' +
    'application/json, text/event-stream or multipart/mixed.',
  415: 'The request body must be application/json (or a GET with the query in its URL).',
};

/**
 * Every refusal carries a code: the answers graphql-yoga gives without a body (406, 415) get one, and HEAD, whose
 * answer has no body by HTTP's rules, is answered 405 with the code in the header X-GovGraph-Error-Code.
 */
export function codedEmptyAnswers(): Plugin {
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      if (request.method !== 'HEAD') return;
      endResponse(
        errorResponse(fetchAPI, 405, 'HEAD is not a GraphQL request; use POST (or GET with the query in the URL).', {
          allow: 'GET, POST, OPTIONS',
        }),
      );
    },
    onResponse({ response, setResponse, fetchAPI }) {
      const message = WITHOUT_BODY[response.status];
      if (message) setResponse(errorResponse(fetchAPI, response.status, message));
    },
  };
}
