import { ApiPropertyOptional } from '@nestjs/swagger';
import { LIBRARY_KPI_CATEGORIES, type LibraryKpiCategory } from '#domain';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.js';

export class LibraryKpisQuery extends PaginationQuery {
  @ApiPropertyOptional({
    enum: LIBRARY_KPI_CATEGORIES,
    description: 'Entries whose latest version is in this category',
  })
  @IsOptional()
  @IsIn(LIBRARY_KPI_CATEGORIES, { message: `category must be one of ${LIBRARY_KPI_CATEGORIES.join(', ')}` })
  category?: LibraryKpiCategory;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Every version of this entry, oldest first; without it, the latest version of each entry',
  })
  @IsOptional()
  @IsUUID('all', { message: 'entryId must be a UUID' })
  entryId?: string;
}
