import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { Max, Min, registerDecorator, ValidateIf } from 'class-validator';
import type { ErrorDetail } from '#domain';

// Constraints that say what kind of value a field takes. When one fails, the field's other messages (length,
// range, decimals) describe a value that is not there, so only these are reported.
const KIND_CONSTRAINTS = new Set([
  'isString',
  'isNumber',
  'isInt',
  'isBoolean',
  'isArray',
  'isObject',
  'isUuid',
  'isIn',
  'isEnum',
  'nestedValidation',
]);

/** What is wrong with one field, in the order a person fixes it: present, then of the right kind, then in range. */
function fieldMessages(error: ValidationError): string[] {
  const constraints = Object.entries(error.constraints ?? {});
  if (!constraints.length) return [];
  if (error.value === undefined) return [`${error.property} is required`];
  const kind = constraints.filter(([name]) => KIND_CONSTRAINTS.has(name));
  return (kind.length ? kind : constraints).map(([, message]) => message);
}

/** Flattens class-validator's tree into `{ field: 'contract.number', message }` entries. */
export function validationDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = fieldMessages(error).map((message) => ({
      field,
      message: message.replace(/^property (\S+) should not exist$/, '$1 is not an allowed field'),
    }));
    return [...own, ...validationDetails(error.children ?? [], field)];
  });
}

export class InvalidInputException extends BadRequestException {
  constructor(readonly details: ErrorDetail[]) {
    super(details.map((detail) => detail.message).join('; ') || 'Invalid input');
  }
}

/** Rejects unknown fields, converts query strings to the DTO's types, and reports every bad field. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // The value is read to tell a missing field from a wrong one; it is never echoed back.
  validationError: { target: false, value: true },
  exceptionFactory: (errors) => new InvalidInputException(validationDetails(errors)),
});

/**
 * For optional fields that must not be null (their column has a default or is required): absent is fine,
 * null is validated like any other value and refused. `@IsOptional()` would let null through to the database.
 */
export const OmittedOrSet = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/**
 * For boolean query parameters: only the words themselves. A plain Boolean conversion would read "false" (and
 * "no", "0", "") as true; anything else is left for `@IsBoolean()` to refuse.
 */
export const booleanWord = (value: unknown): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** The largest magnitude the numeric columns hold (amounts numeric(16,2), KPI values numeric(18,4)). */
export const MAX_AMOUNT = 99_999_999_999_999;

/** Within what the database can store, so an oversized number is a 400 naming the field, not a database error. */
export const FitsColumn = (): PropertyDecorator => (target, propertyName) => {
  Max(MAX_AMOUNT, { message: `$property must not be above ${MAX_AMOUNT}` })(target, propertyName);
  Min(-MAX_AMOUNT, { message: `$property must not be below -${MAX_AMOUNT}` })(target, propertyName);
};

/** Whether a number is written with at most `places` decimals (1e-323 is not, whatever its text looks like). */
const hasAtMostDecimals = (value: number, places: number): boolean => Number(value.toFixed(places)) === value;

/**
 * A finite JSON number with at most `places` decimals, as a numeric column stores it. Two checks, so a string
 * "90" is told it must be a number, and 1.234 that it has too many decimals.
 */
export const IsDecimal =
  (places: number): PropertyDecorator =>
  (target, propertyName) => {
    const property = propertyName as string;
    registerDecorator({
      name: 'isNumber',
      target: target.constructor,
      propertyName: property,
      options: { message: '$property must be a number' },
      validator: { validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) },
    });
    registerDecorator({
      name: 'maxDecimalPlaces',
      target: target.constructor,
      propertyName: property,
      options: { message: `$property must have at most ${places} decimals` },
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'number' || !Number.isFinite(value) || hasAtMostDecimals(value, places),
      },
    });
  };
