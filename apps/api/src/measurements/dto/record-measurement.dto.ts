import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { FitsColumn, IsDecimal } from '../../common/validation.js';
import { MAX_NOTE_LENGTH } from '../measurement-rules.js';

export class RecordMeasurementDto {
  @ApiProperty({ example: 96.5 })
  @IsDecimal(4)
  @FitsColumn()
  value!: number;

  @ApiPropertyOptional({ example: 'Two crews out sick in the second week' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTE_LENGTH)
  note?: string;
}
