import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { FitsColumn, IsDecimal } from '../../common/validation.js';
import { ReportQuery } from './report.query.js';

export const RED_FLAG_FORMATS = ['json', 'csv'] as const;
export type RedFlagFormat = (typeof RED_FLAG_FORMATS)[number];

/**
 * The range and scope of the red-flag report, and its thresholds: Cardinal's defaults where it has one, the
 * fences of the report's own bid differences for R024 and R058 (docs/metrics.md, "Red flags").
 */
export class RedFlagsQuery extends OmitType(ReportQuery, ['format'] as const) {
  @ApiPropertyOptional({ enum: RED_FLAG_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(RED_FLAG_FORMATS, { message: `format must be one of ${RED_FLAG_FORMATS.join(', ')}` })
  format: RedFlagFormat = 'json';

  @ApiPropertyOptional({ default: 15, minimum: 1, maximum: 365, description: 'R003: fewest whole days to bid' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'r003MinDays must be a whole number of days' })
  @Min(1)
  @Max(365)
  r003MinDays: number = 15;

  @ApiPropertyOptional({
    default: 0,
    minimum: 0,
    description: 'R013: value from which a direct (sole-source, emergency) purchase is flagged',
  })
  @IsOptional()
  @Type(() => Number)
  @IsDecimal(2)
  @FitsColumn()
  @Min(0)
  r013MinValue: number = 0;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description: 'R024: flag a difference at most this (0.02 is 2 %); default the lower fence Q1 − 1.5 × IQR',
  })
  @IsOptional()
  @Type(() => Number)
  @IsDecimal(6)
  @Min(0)
  @Max(100)
  r024Threshold?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description: 'R058: flag a difference at least this (0.5 is 50 %); default the upper fence Q3 + 1.5 × IQR',
  })
  @IsOptional()
  @Type(() => Number)
  @IsDecimal(6)
  @Min(0)
  @Max(100)
  r058Threshold?: number;

  @ApiPropertyOptional({
    default: 0,
    minimum: 0,
    maximum: 1000,
    description: "R068: payments may exceed a contract's value by this percentage before it is flagged",
  })
  @IsOptional()
  @Type(() => Number)
  @IsDecimal(2)
  @Min(0)
  @Max(1000)
  r068TolerancePercent: number = 0;
}
