import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';

export class RecordMeasurementDto {
  @ApiProperty({ example: 96.5 })
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 },
    { message: 'value must be a number with at most 4 decimals' },
  )
  value!: number;

  @ApiPropertyOptional({ example: 'Two crews out sick in the second week' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
