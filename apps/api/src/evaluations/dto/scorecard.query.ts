import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsPeriodKey } from './create-evaluation-run.dto.js';

/** Periods from the one containing `from` to the one containing `to`, both inclusive. */
export class ScorecardQuery {
  @ApiPropertyOptional({ example: '2026-01' })
  @IsOptional()
  @IsPeriodKey()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12' })
  @IsOptional()
  @IsPeriodKey()
  to?: string;
}
