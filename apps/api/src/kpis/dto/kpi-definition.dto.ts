import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FREQUENCIES, KPI_DIRECTIONS, kpiRuleProblems, type Frequency, type KpiDirection } from '#domain';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, registerDecorator } from 'class-validator';
import { FitsColumn, IsDecimal } from '../../common/validation.js';

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
          const kpi = args!.object as KpiDefinitionDto;
          if (
            !KPI_DIRECTIONS.includes(kpi.direction) ||
            typeof kpi.target !== 'number' ||
            typeof kpi.offTrackThreshold !== 'number'
          ) {
            return true; // the fields' own checks report those
          }
          return kpiRuleProblems(kpi).length === 0;
        },
      },
    });
}

/** A KPI's definition: used by solicitation templates and by contract KPIs alike. */
export class KpiDefinitionDto {
  @ApiProperty({ example: 'Potholes repaired within 48 hours' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ example: '%' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  unit!: string;

  @ApiProperty({ enum: KPI_DIRECTIONS })
  @IsIn(KPI_DIRECTIONS, { message: `direction must be one of ${KPI_DIRECTIONS.join(', ')}` })
  direction!: KpiDirection;

  @ApiProperty({ example: 95 })
  @IsDecimal(4)
  @FitsColumn()
  target!: number;

  @ApiProperty({ example: 90, description: 'At or beyond it (on the bad side) the KPI is off track' })
  @IsDecimal(4)
  @FitsColumn()
  @FollowsKpiRule()
  offTrackThreshold!: number;

  @ApiProperty({ enum: FREQUENCIES })
  @IsIn(FREQUENCIES, { message: `frequency must be one of ${FREQUENCIES.join(', ')}` })
  frequency!: Frequency;
}
