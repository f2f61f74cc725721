import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

// The years a four-digit period can name (see docs/architecture.md, Reporting periods).
export const MONTH = /^(19\d{2}|[2-9]\d{3})-(0[1-9]|1[0-2])$/;

/** The range and scope of a report: months `from` to `to`, both inclusive. */
export class ReportQuery {
  @ApiProperty({ example: '2026-01', description: 'First month of the range, YYYY-MM' })
  @Matches(MONTH, { message: 'from must be a month written YYYY-MM' })
  from!: string;

  @ApiProperty({ example: '2026-12', description: 'Last month of the range, YYYY-MM, inclusive' })
  @Matches(MONTH, { message: 'to must be a month written YYYY-MM' })
  to!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One department; without it, every department the caller may see',
  })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(', ')}` })
  format: ReportFormat = 'json';
}
