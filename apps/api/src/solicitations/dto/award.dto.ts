import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { OmittedOrSet } from '../../common/validation.js';
import { IsCalendarDate, IsInstant, IsNotBefore } from '../../common/date-validators.js';

/** The contract an award creates; what is not given comes from the solicitation and the bid. */
export class AwardContractDto {
  @ApiProperty({ example: 'C-2026-0042' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, {
    message: 'number must be 1-64 letters, digits, ".", "_", "/" or "-"',
  })
  number!: string;

  @ApiPropertyOptional({ description: "Default: the solicitation's title" })
  @OmittedOrSet()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @ApiProperty({ example: '2026-05-01' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ example: '2027-04-30' })
  @IsCalendarDate()
  @IsNotBefore('startDate')
  endDate!: string;

  @ApiProperty({ example: 'manager@city.example' })
  @IsEmail({}, { message: 'managerEmail must be an email address' })
  @MaxLength(254)
  managerEmail!: string;

  @ApiPropertyOptional({ description: "Default: the bid's amount" })
  @OmittedOrSet()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  value?: number;

  @ApiPropertyOptional({ description: "Default: the solicitation's goal" })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  diversityGoalPercent?: number;

  @ApiPropertyOptional({ default: 10 })
  @OmittedOrSet()
  @IsInt()
  @Min(0)
  @Max(365)
  reportingGraceDays?: number;

  @ApiPropertyOptional({ default: 2 })
  @OmittedOrSet()
  @IsInt()
  @Min(1)
  @Max(60)
  escalateAfterPeriods?: number;
}

export class AwardDto {
  @ApiProperty()
  @IsUUID('all', { message: 'bidId must be a UUID' })
  bidId!: string;

  @ApiProperty({ type: AwardContractDto })
  @IsObject({ message: 'contract must be an object' })
  @ValidateNested()
  @Type(() => AwardContractDto)
  contract!: AwardContractDto;

  @ApiPropertyOptional({ description: 'When the award was made (default now)' })
  @OmittedOrSet()
  @IsInstant()
  at?: string;
}
