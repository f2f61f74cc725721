import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FREQUENCIES, KPI_DIRECTIONS, kpiRuleProblems, type Frequency, type KpiDirection } from '#domain';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  registerDecorator,
  ValidateIf,
} from 'class-validator';
import { FitsColumn, IsDecimal, OmittedOrSet } from '../../common/validation.js';

/** The direction/threshold rule as a field check on offTrackThreshold, so the error names that field. */
function FollowsKpiRule(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'followsKpiRule',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args) => {
          const direction = (args.object as KpiDefinitionDto).direction;
          return direction === 'lower_is_better'
            ? 'offTrackThreshold must not be below target when lower is better'
            : 'offTrackThreshold must not be above target when higher is better';
        },
      },
      validator: {
        validate(_value, args) {
          const { direction, target, offTrackThreshold } = args!.object as KpiDefinitionDto;
          if (
            direction === undefined ||
            !KPI_DIRECTIONS.includes(direction) ||
            typeof target !== 'number' ||
            typeof offTrackThreshold !== 'number'
          ) {
            return true; // the fields' own checks report those, or the library version decides (the service)
          }
          return kpiRuleProblems({ direction, target, offTrackThreshold }).length === 0;
        },
      },
    });
}

/** Required of a KPI of its own; with `libraryKpiId`, optional (the library version gives or suggests it). */
const OwnUnlessFromLibrary = (): PropertyDecorator =>
  ValidateIf((kpi: KpiDefinitionDto, value) => kpi.libraryKpiId === undefined || value !== undefined);

/** A field a library version defines: refused beside `libraryKpiId`, so that a pinned KPI reads as its version. */
function LeftToLibrary(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'leftToLibrary',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property comes from the library KPI named by libraryKpiId; leave it out' },
      validator: { validate: (_value, args) => (args!.object as KpiDefinitionDto).libraryKpiId === undefined },
    });
}

/**
 * A KPI's definition: used by solicitation templates and by contract KPIs alike. With `libraryKpiId` the name,
 * description, unit and direction come from that library version, and target and threshold default to its
 * suggested ones.
 */
export class KpiDefinitionDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The library version (GET /kpi-library) this KPI takes its definition from, and keeps',
  })
  @OmittedOrSet()
  @IsUUID('all', { message: 'libraryKpiId must be a UUID' })
  libraryKpiId?: string;

  @ApiProperty({ example: 'Potholes repaired within 48 hours', description: 'Left out with libraryKpiId' })
  @OwnUnlessFromLibrary()
  @LeftToLibrary()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Left out with libraryKpiId' })
  @IsOptional()
  @LeftToLibrary()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ example: '%', description: 'Left out with libraryKpiId' })
  @OwnUnlessFromLibrary()
  @LeftToLibrary()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  unit?: string;

  @ApiProperty({ enum: KPI_DIRECTIONS, description: 'Left out with libraryKpiId' })
  @OwnUnlessFromLibrary()
  @LeftToLibrary()
  @IsIn(KPI_DIRECTIONS, { message: `direction must be one of ${KPI_DIRECTIONS.join(', ')}` })
  direction?: KpiDirection;

  @ApiProperty({ example: 95, description: "With libraryKpiId, optional: the version's suggested target" })
  @OwnUnlessFromLibrary()
  @IsDecimal(4)
  @FitsColumn()
  target?: number;

  @ApiProperty({
    example: 90,
    description:
      "At or beyond it (on the bad side) the KPI is off track. With libraryKpiId, optional: the version's suggested threshold",
  })
  @OwnUnlessFromLibrary()
  @IsDecimal(4)
  @FitsColumn()
  @FollowsKpiRule()
  offTrackThreshold?: number;

  @ApiProperty({ enum: FREQUENCIES })
  @IsIn(FREQUENCIES, { message: `frequency must be one of ${FREQUENCIES.join(', ')}` })
  frequency!: Frequency;
}
