import { HttpStatus } from '@nestjs/common';
import type { ErrorDetail } from '#domain';

/** The error body of the product design (§4), plus a stable `code` that clients can branch on. */
export type ErrorBody = {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details: ErrorDetail[];
};

const REASONS: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODES: Partial<Record<number, string>> = {
  400: 'INVALID_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  503: 'UNAVAILABLE',
};

export function errorBody(
  statusCode: number,
  message: string,
  details: ErrorDetail[] = [],
  code = CODES[statusCode] ?? 'ERROR',
): ErrorBody {
  return {
    statusCode,
    error: REASONS[statusCode] ?? HttpStatus[statusCode] ?? 'Error',
    code,
    message,
    details,
  };
}
