import { ApiPropertyOptional } from '@nestjs/swagger';
import { SOLICITATION_STATUSES, type SolicitationStatus } from '#domain';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.js';

export class SolicitationsQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: SOLICITATION_STATUSES })
  @IsOptional()
  @IsIn(SOLICITATION_STATUSES, { message: `status must be one of ${SOLICITATION_STATUSES.join(', ')}` })
  status?: SolicitationStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId?: string;
}
