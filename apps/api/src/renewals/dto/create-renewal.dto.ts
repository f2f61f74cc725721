import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/date-validators.js';
import { OmittedOrSet } from '../../common/validation.js';

/** Renewing without a recent final performance evaluation: why (audited). */
export class RenewalOverrideDto {
  @ApiProperty({ maxLength: 2000, example: 'Emergency continuity of service while the new solicitation is prepared' })
  @IsString()
  @IsNotEmpty({ message: 'override.reason must not be empty' })
  @MaxLength(2000)
  reason!: string;
}

export class CreateRenewalDto {
  @ApiProperty({ format: 'date', example: '2027-12-31', description: "After the contract's current endDate" })
  @IsCalendarDate()
  newEndDate!: string;

  @ApiPropertyOptional({
    type: RenewalOverrideDto,
    description: 'Renew without a final performance evaluation of the last 12 months',
  })
  @OmittedOrSet()
  @IsObject({ message: 'override must be an object' })
  @ValidateNested()
  @Type(() => RenewalOverrideDto)
  override?: RenewalOverrideDto;
}
