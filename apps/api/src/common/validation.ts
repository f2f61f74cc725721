import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { Max, Min, ValidateIf } from 'class-validator';
import type { ErrorDetail } from '#domain';

/** Flattens class-validator's tree into `{ field: 'contract.number', message }` entries. */
export function validationDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
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
  validationError: { target: false, value: false },
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
