import { ApiProperty } from '@nestjs/swagger';
import type { ImportReport } from '../measurement-import.service.js';

/** What a CSV import did (or, with `dryRun`, would do). */
export class ImportReportResponse implements ImportReport {
  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({ description: 'Rows read' })
  rows!: number;

  @ApiProperty()
  created!: number;

  @ApiProperty()
  updated!: number;

  @ApiProperty()
  unchanged!: number;
}
