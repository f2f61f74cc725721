import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { FitsColumn, IsDecimal } from '../../common/validation.js';
import { IsCalendarDate } from '../../common/date-validators.js';

export class CreatePaymentDto {
  @ApiProperty({ format: 'uuid', description: 'The prime vendor or a subcontractor' })
  @IsUUID('all', { message: 'payeeVendorId must be a UUID' })
  payeeVendorId!: string;

  @ApiProperty({ example: 12500 })
  @IsDecimal(2)
  @FitsColumn()
  @Min(0.01, { message: 'amount must be greater than 0' })
  amount!: number;

  @ApiProperty({ format: 'date', example: '2026-04-15' })
  @IsCalendarDate()
  paidOn!: string;

  @ApiProperty({ example: 'INV-2026-0311' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  invoiceNumber!: string;
}
