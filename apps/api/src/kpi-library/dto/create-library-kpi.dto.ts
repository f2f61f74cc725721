import { ApiProperty } from '@nestjs/swagger';
import { KPI_DIRECTIONS, LIBRARY_KPI_CATEGORIES, type KpiDirection, type LibraryKpiCategory } from '#domain';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FitsColumn, IsDecimal } from '../../common/validation.js';

/** A new library entry: its version 1. */
export class CreateLibraryKpiDto {
  @ApiProperty({ example: 'Potholes repaired within 72 hours' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: LIBRARY_KPI_CATEGORIES })
  @IsIn(LIBRARY_KPI_CATEGORIES, { message: `category must be one of ${LIBRARY_KPI_CATEGORIES.join(', ')}` })
  category!: LibraryKpiCategory;

  @ApiProperty({ example: '%', description: "The entry's unit: the same in every version" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  unit!: string;

  @ApiProperty({ enum: KPI_DIRECTIONS, description: "The entry's direction: the same in every version" })
  @IsIn(KPI_DIRECTIONS, { message: `direction must be one of ${KPI_DIRECTIONS.join(', ')}` })
  direction!: KpiDirection;

  @ApiProperty({ example: 'Share of reported potholes repaired within 72 hours of the report.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;

  @ApiProperty({ example: 90 })
  @IsDecimal(4)
  @FitsColumn()
  suggestedTarget!: number;

  @ApiProperty({ example: 80, description: 'On the bad side of suggestedTarget, as a KPI threshold is' })
  @IsDecimal(4)
  @FitsColumn()
  suggestedOffTrackThreshold!: number;
}
