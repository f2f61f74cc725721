import type { LibraryKpi } from '#database';
import { KPI_DIRECTIONS, LIBRARY_KPI_CATEGORIES, type KpiDirection, type LibraryKpiCategory } from '#domain';
import { ApiProperty } from '@nestjs/swagger';

/** One version of a library entry; `id` is what a KPI's `libraryKpiId` pins. */
export class LibraryKpiResponse {
  @ApiProperty({ format: 'uuid', description: 'This version' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: "The entry all its versions share (its first version's id)" })
  entryId!: string;

  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ example: 2, description: "The entry's latest version number" })
  latestVersion!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: LIBRARY_KPI_CATEGORIES })
  category!: LibraryKpiCategory;

  @ApiProperty()
  unit!: string;

  @ApiProperty({ enum: KPI_DIRECTIONS })
  direction!: KpiDirection;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: Number })
  suggestedTarget!: number;

  @ApiProperty({ type: Number })
  suggestedOffTrackThreshold!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

export const toLibraryKpiResponse = (version: LibraryKpi, latestVersion: number): LibraryKpiResponse => ({
  id: version.id,
  entryId: version.entryId,
  version: version.version,
  latestVersion,
  name: version.name,
  category: version.category,
  unit: version.unit,
  direction: version.direction,
  description: version.description,
  suggestedTarget: version.suggestedTarget,
  suggestedOffTrackThreshold: version.suggestedOffTrackThreshold,
  createdAt: version.createdAt,
});
