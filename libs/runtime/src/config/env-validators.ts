import { CronExpressionParser } from 'cron-parser';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A five- or six-field cron pattern, as BullMQ's job scheduler accepts. */
export function IsCronPattern(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCronPattern',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a cron pattern such as "0 6 * * *"', ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || value.trim().split(/\s+/).length < 5) return false;
          try {
            CronExpressionParser.parse(value);
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}

/** A URL whose scheme is one of `protocols`; hosts without a TLD (localhost, service names) are fine. */
export function IsServiceUrl(protocols: string[], options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isServiceUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be a ${protocols.join(' or ')} URL`, ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return protocols.includes(url.protocol.replace(/:$/, '')) && url.hostname !== '';
          } catch {
            return false;
          }
        },
      },
    });
}
