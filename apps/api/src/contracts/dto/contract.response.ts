import type { Contract } from '#database';
import { CONTRACT_STATUSES, type ContractStatus } from '#domain';
import { ApiProperty } from '@nestjs/swagger';

export class ContractResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  number!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ format: 'uuid' })
  vendorId!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  solicitationId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  bidId!: string | null;

  @ApiProperty({ type: Number, example: 250000.5 })
  value!: number;

  @ApiProperty({ format: 'date' })
  startDate!: string;

  @ApiProperty({ format: 'date' })
  endDate!: string;

  @ApiProperty({ format: 'email' })
  managerEmail!: string;

  @ApiProperty({ type: Number, nullable: true })
  diversityGoalPercent!: number | null;

  @ApiProperty()
  reportingGraceDays!: number;

  @ApiProperty()
  escalateAfterPeriods!: number;

  @ApiProperty({ enum: CONTRACT_STATUSES })
  status!: ContractStatus;

  @ApiProperty({ description: 'A key procurement: tracked closely as evidence of results-driven contracting' })
  isKeyProcurement!: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

export const toContractResponse = (contract: Contract): ContractResponse => ({
  id: contract.id,
  number: contract.number,
  title: contract.title,
  vendorId: contract.vendorId,
  departmentId: contract.departmentId,
  solicitationId: contract.solicitationId,
  bidId: contract.bidId,
  value: contract.value,
  startDate: contract.startDate,
  endDate: contract.endDate,
  managerEmail: contract.managerEmail,
  diversityGoalPercent: contract.diversityGoalPercent,
  reportingGraceDays: contract.reportingGraceDays,
  escalateAfterPeriods: contract.escalateAfterPeriods,
  status: contract.status,
  isKeyProcurement: contract.isKeyProcurement,
  createdAt: contract.createdAt,
  updatedAt: contract.updatedAt,
});
