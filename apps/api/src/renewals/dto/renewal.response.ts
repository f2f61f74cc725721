import { ApiProperty } from '@nestjs/swagger';
import type { ContractRenewal } from '#database';

export class RenewalResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  contractId!: string;

  @ApiProperty({ format: 'date' })
  previousEndDate!: string;

  @ApiProperty({ format: 'date' })
  newEndDate!: string;

  @ApiProperty({ enum: ['evaluation', 'override'], description: 'What allowed the renewal' })
  basis!: 'evaluation' | 'override';

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The final performance evaluation of the last 12 months it rests on',
  })
  performanceEvaluationId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  overrideReason!: string | null;

  @ApiProperty({ description: 'Who renewed it (the API key’s name)' })
  renewedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  renewedAt!: Date;
}

export const toRenewalResponse = (renewal: ContractRenewal): RenewalResponse => ({
  id: renewal.id,
  contractId: renewal.contractId,
  previousEndDate: renewal.previousEndDate,
  newEndDate: renewal.newEndDate,
  basis: renewal.performanceEvaluationId ? 'evaluation' : 'override',
  performanceEvaluationId: renewal.performanceEvaluationId,
  overrideReason: renewal.overrideReason,
  renewedBy: renewal.renewedByName,
  renewedAt: renewal.renewedAt,
});
