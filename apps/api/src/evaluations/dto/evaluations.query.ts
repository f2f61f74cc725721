import { ApiPropertyOptional } from '@nestjs/swagger';
import { KPI_STATUSES, type KpiStatus } from '#domain';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.js';
import { IsPeriodKey } from './create-evaluation-run.dto.js';

export class EvaluationsQuery extends PaginationQuery {
  @ApiPropertyOptional({ example: '2026-03' })
  @IsOptional()
  @IsPeriodKey()
  period?: string;

  @ApiPropertyOptional({ enum: KPI_STATUSES })
  @IsOptional()
  @IsIn(KPI_STATUSES, { message: `status must be one of ${KPI_STATUSES.join(', ')}` })
  status?: KpiStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'contractId must be a UUID' })
  contractId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId?: string;
}
