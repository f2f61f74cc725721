import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, Min } from 'class-validator';
import { FitsColumn, IsDecimal, OmittedOrSet } from '../../common/validation.js';
import { IsInstant } from '../../common/date-validators.js';

export class CreateBidDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'vendorId must be a UUID' })
  vendorId!: string;

  @ApiProperty({ example: 245000, minimum: 0 })
  @IsDecimal(2)
  @FitsColumn()
  @Min(0, { message: 'amount must not be negative' })
  amount!: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the bid was received (default now); not in the future',
  })
  @OmittedOrSet()
  @IsInstant()
  submittedAt?: string;
}
