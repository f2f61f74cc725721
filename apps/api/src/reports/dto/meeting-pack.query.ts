import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { MONTH } from './report.query.js';

/** `json` is the pack's data as the page and the PDF show it, for programs (the design lists pdf and html). */
export const MEETING_PACK_FORMATS = ['pdf', 'html', 'json'] as const;
export type MeetingPackFormat = (typeof MEETING_PACK_FORMATS)[number];

/** One department's pack for one month. */
export class MeetingPackQuery {
  @ApiProperty({ format: 'uuid', description: 'The department' })
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId!: string;

  @ApiProperty({ example: '2026-03', description: 'The month of the meeting, YYYY-MM' })
  @Matches(MONTH, { message: 'period must be a month written YYYY-MM' })
  period!: string;

  @ApiPropertyOptional({ enum: MEETING_PACK_FORMATS, default: 'pdf' })
  @IsOptional()
  @IsIn(MEETING_PACK_FORMATS, { message: `format must be one of ${MEETING_PACK_FORMATS.join(', ')}` })
  format: MeetingPackFormat = 'pdf';
}
