import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { MONTH } from './report.query.js';

export const PEER_COMPARISON_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type PeerComparisonFormat = (typeof PEER_COMPARISON_FORMATS)[number];

/** The library entry compared, the range (months, inclusive) and the scope, as the other reports take them. */
export class PeerComparisonQuery {
  @ApiProperty({
    format: 'uuid',
    description: 'Any version of the library entry: contracts pinning any of its versions are compared',
  })
  @IsUUID('all', { message: 'libraryKpiId must be a UUID' })
  libraryKpiId!: string;

  @ApiProperty({ example: '2026-01', description: 'First month of the range, YYYY-MM' })
  @Matches(MONTH, { message: 'from must be a month written YYYY-MM' })
  from!: string;

  @ApiProperty({ example: '2026-12', description: 'Last month of the range, YYYY-MM, inclusive' })
  @Matches(MONTH, { message: 'to must be a month written YYYY-MM' })
  to!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Compare within one department; without it, every department the caller may see',
  })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId?: string;

  @ApiPropertyOptional({ enum: PEER_COMPARISON_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(PEER_COMPARISON_FORMATS, { message: `format must be one of ${PEER_COMPARISON_FORMATS.join(', ')}` })
  format: PeerComparisonFormat = 'json';
}
