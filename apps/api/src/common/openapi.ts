import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiResponse,
  getSchemaPath,
  type OpenAPIObject,
} from '@nestjs/swagger';
import { errorBody } from './error-body.js';

/** The security scheme of every protected operation: the project's API key, sent as a bearer token. */
export const API_KEY_SCHEME = 'API key';

export const API_KEY_SCHEME_DESCRIPTION =
  'An API key of this tracker (created with `POST /api/v1/api-keys` or the CLI), sent as ' +
  '`Authorization: Bearer <token>`. It is an opaque random token, not a JWT: the server looks it up, and a ' +
  'revoked key stops working at once.';

class ErrorDetailResponse {
  @ApiProperty({ example: 'email', description: 'The input at fault: a body field (`contract.number`), a parameter' })
  field!: string;

  @ApiProperty({ example: 'email must be an email address' })
  message!: string;
}

/** The one error body of the API (`errorBody()`), as the documentation shows it. */
export class ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ example: 'INVALID_INPUT', description: 'Stable; clients branch on it' })
  code!: string;

  @ApiProperty({ example: 'email must be an email address' })
  message!: string;

  @ApiProperty({ type: () => [ErrorDetailResponse] })
  details!: ErrorDetailResponse[];
}

const errorContent = (status: number) => ({
  'application/json': {
    schema: { $ref: getSchemaPath(ErrorResponse) },
    example: errorBody(status, errorBody(status, '').error),
  },
});

/** Error answers an operation gives beyond those of the HTTP edge (see `documentEdgeErrors`), e.g. 409. */
export const ApiErrors = (...statuses: number[]): MethodDecorator =>
  applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: errorBody(status, '').error, type: ErrorResponse })),
  );

class PageInfo {
  @ApiProperty({ example: 50 })
  limit!: number;

  @ApiProperty({ example: 0 })
  offset!: number;

  @ApiProperty({ example: 1, description: 'Items matching the filters, over all pages' })
  total!: number;
}

/** A 200 answer with a collection page: `{ data: [item], page: { limit, offset, total } }`. */
export const ApiPageResponse = (item: Type): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(item, PageInfo),
    ApiOkResponse({
      description: 'One page of the collection',
      schema: {
        type: 'object',
        required: ['data', 'page'],
        properties: {
          data: { type: 'array', items: { $ref: getSchemaPath(item) } },
          page: { $ref: getSchemaPath(PageInfo) },
        },
      },
    }),
  );

/** The body of an answer that is a file (CSV, XLSX, PDF, HTML or a JSON document, as the request asks). */
export const FILE_SCHEMA = { type: 'string', format: 'binary' } as const;

/** The schemas the decorators above refer to, for `SwaggerModule.createDocument`'s `extraModels`. */
export const OPENAPI_EXTRA_MODELS = [ErrorResponse, PageInfo];

type Operation = {
  parameters?: { in: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, unknown>;
};

/**
 * Adds the error answers every operation can get from the HTTP edge rather than from its own code, so no
 * controller has to repeat them: 401 and 403 from the API-key guard, 429 from the rate limit (health checks are
 * exempt), 400 for invalid input in parameters or a body, 413 and 415 from the body parsers, 404 for the resource
 * a path names. What an operation declares itself is kept.
 */
export function documentEdgeErrors(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item) as Operation[]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const statuses: number[] = [];
      const parameters = operation.parameters ?? [];
      if (parameters.length > 0 || operation.requestBody) statuses.push(400);
      if (operation.security?.length) statuses.push(401, 403);
      if (parameters.some((parameter) => parameter.in === 'path')) statuses.push(404);
      if (operation.requestBody) statuses.push(413, 415);
      if (!path.startsWith('/health')) statuses.push(429);
      for (const status of statuses) {
        operation.responses[status] ??= { description: errorBody(status, '').error, content: errorContent(status) };
      }
      // An error body is JSON whatever media types the operation's success answers have.
      for (const [status, response] of Object.entries(operation.responses)) {
        const content = (response as { content?: Record<string, { schema?: { $ref?: string } }> }).content ?? {};
        if (Object.values(content).some((media) => media.schema?.$ref === getSchemaPath(ErrorResponse))) {
          (response as { content?: unknown }).content = errorContent(Number(status));
        }
      }
    }
  }
  return document;
}
