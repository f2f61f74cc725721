import { ApiProperty } from '@nestjs/swagger';
import { ContractResponse } from '../../contracts/dto/contract.response.js';
import { KpiResponse } from '../../kpis/dto/kpi.response.js';
import { AWARD_WARNING_CODES, type AwardWarning } from '../award.service.js';

export class AwardWarningResponse implements AwardWarning {
  @ApiProperty({ enum: AWARD_WARNING_CODES })
  code!: AwardWarning['code'];

  @ApiProperty()
  message!: string;
}

/** The contract an award makes, with the KPIs it copied from the templates and what the officer should know. */
export class AwardResponse extends ContractResponse {
  @ApiProperty({ type: () => [KpiResponse] })
  kpis!: KpiResponse[];

  @ApiProperty({ type: () => [AwardWarningResponse] })
  warnings!: AwardWarning[];
}
