import type { Solicitation } from '#database';
import {
  PROCUREMENT_METHODS,
  SOLICITATION_CATEGORIES,
  SOLICITATION_STATUSES,
  type KpiDefinition,
  type ProcurementMethod,
  type SolicitationCategory,
  type SolicitationStatus,
} from '#domain';
import { ApiProperty } from '@nestjs/swagger';
import { KpiDefinitionDto } from '../../kpis/dto/kpi-definition.dto.js';

export class SolicitationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  referenceNumber!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ enum: SOLICITATION_CATEGORIES })
  category!: SolicitationCategory;

  @ApiProperty({ enum: PROCUREMENT_METHODS })
  method!: ProcurementMethod;

  @ApiProperty({ type: Number, nullable: true })
  estimatedValue!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  diversityGoalPercent!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt!: Date | null;

  @ApiProperty({ type: () => [KpiDefinitionDto] })
  kpiTemplates!: KpiDefinition[];

  @ApiProperty({ enum: SOLICITATION_STATUSES })
  status!: SolicitationStatus;

  @ApiProperty({ description: 'A key procurement: tracked closely as evidence of results-driven contracting' })
  isKeyProcurement!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  requisitionReceivedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  awardedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

export const toSolicitationResponse = (solicitation: Solicitation): SolicitationResponse => ({
  id: solicitation.id,
  referenceNumber: solicitation.referenceNumber,
  title: solicitation.title,
  description: solicitation.description,
  departmentId: solicitation.departmentId,
  category: solicitation.category,
  method: solicitation.method,
  estimatedValue: solicitation.estimatedValue,
  diversityGoalPercent: solicitation.diversityGoalPercent,
  dueAt: solicitation.dueAt,
  kpiTemplates: solicitation.kpiTemplates,
  status: solicitation.status,
  isKeyProcurement: solicitation.isKeyProcurement,
  requisitionReceivedAt: solicitation.requisitionReceivedAt,
  publishedAt: solicitation.publishedAt,
  closedAt: solicitation.closedAt,
  awardedAt: solicitation.awardedAt,
  cancelledAt: solicitation.cancelledAt,
  createdAt: solicitation.createdAt,
  updatedAt: solicitation.updatedAt,
});
