import { ApiPropertyOptional } from '@nestjs/swagger';
import { CONTRACT_STATUSES, type ContractStatus } from '#domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.js';
import { booleanWord } from '../../common/validation.js';

export class ContractsQuery extends PaginationQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'vendorId must be a UUID' })
  vendorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId?: string;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES, { message: `status must be one of ${CONTRACT_STATUSES.join(', ')}` })
  status?: ContractStatus;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @Transform(({ value }) => booleanWord(value))
  @IsBoolean({ message: 'isKeyProcurement must be true or false' })
  isKeyProcurement?: boolean;
}
