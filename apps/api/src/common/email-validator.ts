import { EMAIL_MAX_LENGTH, isPlainEmailAddress } from '#domain';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * An address in the plain `local@domain` form (see `isPlainEmailAddress`), at most 254 characters: the form the
 * worker can hand to a mail server knowing who will receive it.
 */
export function IsPlainEmail(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPlainEmail',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be a plain email address such as name@city.example (at most ${EMAIL_MAX_LENGTH} characters, no quotes or display name)`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isPlainEmailAddress(value) },
    });
}
