import { Param, ParseUUIDPipe } from '@nestjs/common';
import { InvalidInputException } from './validation.js';

/** A path parameter that must be a UUID: anything else is a 400 naming the parameter, not a 404 or a 500. */
export const UuidParam = (name = 'id'): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new InvalidInputException([{ field: name, message: `${name} must be a UUID` }]),
    }),
  );
