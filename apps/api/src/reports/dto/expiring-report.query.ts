import { EXPIRY_WINDOW_DAYS } from '#domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const EXPIRING_REPORT_FORMATS = ['json', 'csv'] as const;
export type ExpiringReportFormat = (typeof EXPIRING_REPORT_FORMATS)[number];

/** Two years: beyond that an "expiring" list is the contract register. */
export const MAX_EXPIRING_WITHIN_DAYS = 730;

/** Active contracts ending within `withinDays` calendar days of the city's today. */
export class ExpiringReportQuery {
  @ApiPropertyOptional({
    default: EXPIRY_WINDOW_DAYS,
    minimum: 0,
    maximum: MAX_EXPIRING_WITHIN_DAYS,
    description: 'Contracts whose end date is at most this many days away (0: ending today)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'withinDays must be a whole number of days' })
  @Min(0)
  @Max(MAX_EXPIRING_WITHIN_DAYS)
  withinDays: number = EXPIRY_WINDOW_DAYS;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One department; without it, every department the caller may see',
  })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId?: string;

  @ApiPropertyOptional({ enum: EXPIRING_REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(EXPIRING_REPORT_FORMATS, { message: `format must be one of ${EXPIRING_REPORT_FORMATS.join(', ')}` })
  format: ExpiringReportFormat = 'json';
}
