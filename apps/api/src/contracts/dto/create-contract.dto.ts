import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTRACT_STATUSES, type ContractStatus } from '#domain';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsPlainEmail } from '../../common/email-validator.js';
import { FitsColumn, IsDecimal, OmittedOrSet } from '../../common/validation.js';
import { IsCalendarDate, IsNotBefore } from '../../common/date-validators.js';

/** A contract entered directly (awards create theirs from the winning bid). */
export class CreateContractDto {
  @ApiProperty({ example: 'C-2026-0042' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, {
    message: 'number must be 1-64 letters, digits, ".", "_", "/" or "-"',
  })
  number!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'vendorId must be a UUID' })
  vendorId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The solicitation it came from, if any' })
  @IsOptional()
  @IsUUID('all', { message: 'solicitationId must be a UUID' })
  solicitationId?: string;

  @ApiProperty({ example: 250000 })
  @IsDecimal(2)
  @FitsColumn()
  @Min(0, { message: 'value must not be negative' })
  value!: number;

  @ApiProperty({ format: 'date', example: '2026-05-01' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ format: 'date', example: '2027-04-30' })
  @IsCalendarDate()
  @IsNotBefore('startDate')
  endDate!: string;

  @ApiProperty({ format: 'email' })
  @IsPlainEmail()
  managerEmail!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsDecimal(2)
  @Min(0)
  @Max(100)
  diversityGoalPercent?: number;

  @ApiPropertyOptional({ default: 10, description: 'Days after a period ends before missing data counts as missing' })
  @OmittedOrSet()
  @IsInt()
  @Min(0)
  @Max(365)
  reportingGraceDays?: number;

  @ApiPropertyOptional({ default: 2, description: 'Consecutive off-track periods before the department head is told' })
  @OmittedOrSet()
  @IsInt()
  @Min(1)
  @Max(60)
  escalateAfterPeriods?: number;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES, default: 'active' })
  @OmittedOrSet()
  @IsIn(CONTRACT_STATUSES, { message: `status must be one of ${CONTRACT_STATUSES.join(', ')}` })
  status?: ContractStatus;

  @ApiPropertyOptional({
    default: false,
    // At award, the solicitation's flag unless the award says otherwise.
    description: 'A key procurement: tracked closely as evidence of results-driven contracting',
  })
  @OmittedOrSet()
  @IsBoolean({ message: 'isKeyProcurement must be true or false' })
  isKeyProcurement?: boolean;
}
