import { isStorableText, type ErrorDetail } from '#domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './error-body.js';
import { InvalidInputException } from './validation.js';

/**
 * How deeply a JSON body may nest. The deepest document the API takes (an OCDS package) nests about a dozen
 * levels; thousands would overflow the stack of the code that turns bodies into DTOs.
 */
export const JSON_MAX_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether JSON text nests deeper than `limit`, read in one pass over the text before anything is parsed. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--;
  }
  return false;
}

/** The first key or string value of a parsed document that PostgreSQL cannot store, as a field path. */
export function unstorableTextField(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (!isStorableText(key)) return field;
    const found = unstorableTextField(child, field);
    if (found) return found;
  }
  return null;
}

function unstorableText(field: string): InvalidInputException {
  const message = `${field} must not contain a NUL character or an unpaired surrogate`;
  return new InvalidInputException([{ field, message }]);
}

/**
 * JSON bodies: bounded in depth before they are parsed, parsed by Fastify's own parser (which refuses
 * `__proto__` and `constructor` keys), and refused when any text in them is not storable. An empty body is
 * no body, so actions without one (publish, close) accept it whatever the client declared.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
    const body = text as string;
    if (body.trim() === '') return done(null, undefined);
    if (nestsDeeperThan(body, JSON_MAX_DEPTH)) {
      const message = `The JSON body nests deeper than ${JSON_MAX_DEPTH} levels`;
      return done(new InvalidInputException([{ field: '$', message }]), undefined);
    }
    parseJson(request, body, (error, parsed) => {
      if (error) return done(error, undefined);
      const field = unstorableTextField(parsed, '');
      done(field === null ? null : unstorableText(field), parsed);
    });
  });
}

/** The request's media type, lower case, without parameters. */
export const mediaTypeOf = (request: FastifyRequest): string | undefined =>
  request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();

/** Whether the request declares a body of no bytes. */
export const hasEmptyBody = ({ headers }: FastifyRequest): boolean =>
  headers['content-length'] === '0' && headers['transfer-encoding'] === undefined;

/**
 * A body of no bytes in a media type the API does not read is no body at all, so an action without one (publish,
 * close) is not refused for what the client declared. Types the API reads (JSON, CSV) judge emptiness themselves.
 */
export async function dropMediaTypeOfEmptyBody(request: FastifyRequest): Promise<void> {
  const mediaType = mediaTypeOf(request);
  if (mediaType && hasEmptyBody(request) && !request.server.hasContentTypeParser(mediaType)) {
    delete request.headers['content-type'];
  }
}

/** Query and path parameters with text PostgreSQL cannot store are refused before any handler reads them. */
export async function refuseUnstorableParameters(request: FastifyRequest): Promise<void> {
  for (const values of [request.params, request.query]) {
    const field = unstorableTextField(values, '');
    if (field) throw unstorableText(field);
  }
}

const URL_ERRORS: Record<string, { status: number; detail: ErrorDetail }> = {
  FST_ERR_BAD_URL: {
    status: 400,
    detail: { field: '$url', message: 'The address has a %-escape that does not decode to UTF-8 text' },
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    detail: { field: '$url', message: 'A path parameter of the address is too long' },
  },
};

/** Errors the router raises before any hook runs (a malformed address), in the error body of every other answer. */
export function frameworkErrors(error: Error & { code?: string }, _request: FastifyRequest, reply: FastifyReply) {
  const known = URL_ERRORS[error.code ?? ''] ?? { status: 400, detail: { field: '$url', message: error.message } };
  void reply.status(known.status).send(errorBody(known.status, known.detail.message, [known.detail]));
}
