import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { InvalidInputException } from './validation.js';

/** A path parameter that must be a UUID: anything else is a 400 naming the parameter, not a 404 or a 500. */
export const UuidParam =
  (name = 'id'): ParameterDecorator =>
  (target, method, index) => {
    Param(
      name,
      new ParseUUIDPipe({
        exceptionFactory: () => new InvalidInputException([{ field: name, message: `${name} must be a UUID` }]),
      }),
    )(target, method, index);
    // The documentation says so too: ApiParam is a method decorator, applied here to the parameter's method.
    if (method !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, method)!;
      ApiParam({ name, type: String, format: 'uuid' })(target, method, descriptor);
    }
  };
