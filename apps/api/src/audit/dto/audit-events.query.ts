import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.js';

export class AuditEventsQuery extends PaginationQuery {
  @ApiPropertyOptional({ example: 'department' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The API key that made the change' })
  @IsOptional()
  @IsUUID()
  actorId?: string;
}
