import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 500;
/** Far beyond any table here, and within the integer the database compares offsets as. */
export const MAX_OFFSET = 1_000_000_000;

/** `limit` and `offset` of every collection (the product design (§4)); filters extend this class. */
export class PaginationQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset: number = 0;
}

export type Page<T> = { data: T[]; page: { limit: number; offset: number; total: number } };

export function toPage<E, T>(rows: E[], total: number, query: PaginationQuery, map: (row: E) => T): Page<T> {
  return { data: rows.map(map), page: { limit: query.limit, offset: query.offset, total } };
}
