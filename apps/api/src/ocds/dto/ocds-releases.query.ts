import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsInstant } from '../../common/date-validators.js';
import { MAX_PAGE_SIZE } from '../../common/pagination.js';

export class OcdsReleasesQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Only processes changed at or after this instant (ISO 8601 with a zone)',
  })
  @IsOptional()
  @IsInstant()
  since?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 100;

  @ApiPropertyOptional({ description: 'Where the previous page ended: take it from links.next' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be taken from links.next' })
  cursor?: string;
}
