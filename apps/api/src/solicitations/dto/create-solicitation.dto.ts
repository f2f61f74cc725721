import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PROCUREMENT_METHODS,
  SOLICITATION_CATEGORIES,
  type ProcurementMethod,
  type SolicitationCategory,
} from '#domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FitsColumn, IsDecimal, OmittedOrSet } from '../../common/validation.js';
import { IsInstant } from '../../common/date-validators.js';
import { KpiDefinitionDto } from '../../kpis/dto/kpi-definition.dto.js';

export class CreateSolicitationDto {
  @ApiProperty({ example: 'RFP-2026-014' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, {
    message: 'referenceNumber must be 1-64 letters, digits, ".", "_", "/" or "-"',
  })
  referenceNumber!: string;

  @ApiProperty({ example: 'Street resurfacing, District 4' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId!: string;

  @ApiProperty({ enum: SOLICITATION_CATEGORIES })
  @IsIn(SOLICITATION_CATEGORIES, { message: `category must be one of ${SOLICITATION_CATEGORIES.join(', ')}` })
  category!: SolicitationCategory;

  @ApiProperty({ enum: PROCUREMENT_METHODS })
  @IsIn(PROCUREMENT_METHODS, { message: `method must be one of ${PROCUREMENT_METHODS.join(', ')}` })
  method!: ProcurementMethod;

  @ApiPropertyOptional({ example: 250000 })
  @IsOptional()
  @IsDecimal(2)
  @FitsColumn()
  @Min(0)
  estimatedValue?: number;

  @ApiPropertyOptional({ example: 20, minimum: 0, maximum: 100 })
  @IsOptional()
  @IsDecimal(2)
  @Min(0)
  @Max(100)
  diversityGoalPercent?: number;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-04-30T17:00:00Z', description: 'When bids are due' })
  @IsOptional()
  @IsInstant()
  dueAt?: string;

  @ApiPropertyOptional({
    type: [KpiDefinitionDto],
    description: 'KPIs the contract will carry once awarded; their names must not repeat',
  })
  @OmittedOrSet()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => KpiDefinitionDto)
  kpiTemplates?: KpiDefinitionDto[];

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-02-10T14:00:00Z',
    description: "When the department's request reached procurement",
  })
  @IsOptional()
  @IsInstant()
  requisitionReceivedAt?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'A key procurement: tracked closely as evidence of results-driven contracting',
  })
  @OmittedOrSet()
  @IsBoolean({ message: 'isKeyProcurement must be true or false' })
  isKeyProcurement?: boolean;
}
