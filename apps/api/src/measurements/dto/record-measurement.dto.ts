import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { FitsColumn } from '../../common/validation.js';
import { MAX_NOTE_LENGTH, measurementProblems } from '../measurement-rules.js';

export class RecordMeasurementDto {
  @ApiProperty({ example: 96.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 }, { message: measurementProblems.value })
  @FitsColumn()
  value!: number;

  @ApiPropertyOptional({ example: 'Two crews out sick in the second week' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTE_LENGTH)
  note?: string;
}
