import { ApiPropertyOptional } from '@nestjs/swagger';
import { OmittedOrSet } from '../../common/validation.js';
import { IsInstant } from '../../common/date-validators.js';

/** The body of publish, close and cancel: when it happened, for recording past events. */
export class TransitionDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the move happened (default now); not in the future, not before the previous move',
  })
  @OmittedOrSet()
  @IsInstant()
  at?: string;
}
