import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { MONTH } from '../../reports/dto/report.query.js';

/** The range of a performance evaluation: months `from` to `to`, both inclusive. */
export class CreatePerformanceEvaluationDto {
  @ApiProperty({ example: '2026-01', description: 'First month of the range, YYYY-MM' })
  @Matches(MONTH, { message: 'from must be a month written YYYY-MM' })
  from!: string;

  @ApiProperty({ example: '2026-06', description: 'Last month of the range, YYYY-MM, inclusive' })
  @Matches(MONTH, { message: 'to must be a month written YYYY-MM' })
  to!: string;
}
