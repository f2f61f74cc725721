import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real 'YYYY-MM-DD' date (2026-02-30 is not one). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** A calendar date written 'YYYY-MM-DD'. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a date written YYYY-MM-DD', ...options },
      validator: { validate: isCalendarDate },
    });
}

/** An ISO 8601 instant with a time and an offset or Z, e.g. 2026-03-01T09:30:00Z. */
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
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
          !Number.isNaN(Date.parse(value)),
      },
    });
}

/** Not earlier than the date in `otherProperty` of the same object (both 'YYYY-MM-DD'); skipped when either is absent. */
export function IsOnOrAfter(otherProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isOnOrAfter',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [otherProperty],
      options: { message: `$property must not be before ${otherProperty}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[otherProperty];
          return !isCalendarDate(value) || !isCalendarDate(other) || value >= other;
        },
      },
    });
}
