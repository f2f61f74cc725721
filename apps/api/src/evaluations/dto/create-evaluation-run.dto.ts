import { ApiPropertyOptional } from '@nestjs/swagger';
import { parsePeriod } from '#domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsUUID,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { OmittedOrSet } from '../../common/validation.js';

/** A period key of any frequency: `2026-03`, `2026-Q1` or `2026`. */
export function IsPeriodKey(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPeriodKey',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a period such as 2026-03, 2026-Q1 or 2026', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && parsePeriod(value) !== null },
    });
}

export class CreateEvaluationRunDto {
  @ApiPropertyOptional({
    example: '2026-03',
    description: 'Only this period (default: every period that is due or changed)',
  })
  @OmittedOrSet()
  @IsPeriodKey()
  period?: string;

  @ApiPropertyOptional({ format: 'uuid', type: [String], description: 'Only these contracts (default: all)' })
  @OmittedOrSet()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true, message: 'contractIds must be UUIDs' })
  contractIds?: string[];
}
