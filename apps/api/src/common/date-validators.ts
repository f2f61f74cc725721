import { isISO8601, registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written 'YYYY-MM-DD'. */
export const isCalendarDate = (value: unknown): value is string =>
  typeof value === 'string' && CALENDAR_DATE.test(value) && isISO8601(value, { strict: true });

/** A calendar date written 'YYYY-MM-DD' (no time, no offset); impossible days such as 2023-02-29 are refused. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ property }) => `${property} must be a calendar date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

/**
 * A calendar date on or after the one in `property` of the same object. Says nothing when either date is
 * malformed: that has its own message.
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
          return !isCalendarDate(value) || !isCalendarDate(other) || value >= other;
        },
      },
    });
}
