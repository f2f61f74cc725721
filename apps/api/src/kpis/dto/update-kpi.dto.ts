import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { KpiDefinitionDto } from './kpi-definition.dto.js';

/** A new target or threshold judges periods evaluated from now on; past evaluations keep what they were judged by. */
export class UpdateKpiDto extends PartialType(KpiDefinitionDto) {
  @ApiPropertyOptional({ description: 'Inactive KPIs are not evaluated and take no new measurements' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
