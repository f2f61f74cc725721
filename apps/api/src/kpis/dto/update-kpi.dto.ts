import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { OmittedOrSet } from '../../common/validation.js';
import { KpiDefinitionDto } from './kpi-definition.dto.js';

/** A new target or threshold judges periods evaluated from now on; past evaluations keep what they were judged by. */
export class UpdateKpiDto extends PartialType(KpiDefinitionDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ description: 'Inactive KPIs are not evaluated and take no new measurements' })
  @OmittedOrSet()
  @IsBoolean()
  active?: boolean;
}
