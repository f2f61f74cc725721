import { ApiPropertyOptional } from '@nestjs/swagger';
import { SOLICITATION_STATUSES, type SolicitationStatus } from '#domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.js';
import { booleanWord } from '../../common/validation.js';

export class SolicitationsQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: SOLICITATION_STATUSES })
  @IsOptional()
  @IsIn(SOLICITATION_STATUSES, { message: `status must be one of ${SOLICITATION_STATUSES.join(', ')}` })
  status?: SolicitationStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @Transform(({ value }) => booleanWord(value))
  @IsBoolean({ message: 'isKeyProcurement must be true or false' })
  isKeyProcurement?: boolean;
}
