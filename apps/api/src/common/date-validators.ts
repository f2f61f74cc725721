import { isCalendarDate } from '#domain';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

const isDate = (value: unknown): value is string => typeof value === 'string' && isCalendarDate(value);

/** A calendar date written 'YYYY-MM-DD' (no time, no offset); impossible days such as 2023-02-29 are refused. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ property }) => `${property} must be a calendar date written YYYY-MM-DD`, ...options },
      validator: { validate: isDate },
    });
}

/**
 * A calendar date on or after the one in `property` of the same object. Says nothing when either date is
 * malformed or absent: those have their own messages (or, in a partial update, are checked by the service).
 */
export function IsNotBefore(property: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [property],
      options: {
        message: ({ property: own, constraints }: ValidationArguments) =>
          `${own} must not be before ${String(constraints[0])}`,
        ...options,
      },
      validator: {
        validate: (value: unknown, { object, constraints }: ValidationArguments) => {
          const other = (object as Record<string, unknown>)[String(constraints[0])];
          // 'YYYY-MM-DD' strings sort as the days they name.
          return !isDate(value) || !isDate(other) || value >= other;
        },
      },
    });
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 instant with a time and an offset or Z, every part within its range: a real calendar day (JavaScript
 * reads 2026-02-30 as 2 March, PostgreSQL refuses it), hours to 23, minutes and seconds to 59, offsets to ±14:59.
 */
export function isInstantText(value: unknown): value is string {
  const parts = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!parts) return false;
  const [, day = '', hours, minutes, seconds = '0', offsetHours = '0', offsetMinutes = '0'] = parts;
  return (
    isCalendarDate(day) &&
    Number(hours) <= 23 &&
    Number(minutes) <= 59 &&
    Number(seconds) <= 59 &&
    Number(offsetHours) <= 14 &&
    Number(offsetMinutes) <= 59
  );
}

/** An ISO 8601 instant with a time and an offset or Z, e.g. 2026-03-01T09:30:00Z (see `isInstantText`). */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T09:30:00Z',
        ...options,
      },
      validator: { validate: isInstantText },
    });
}
