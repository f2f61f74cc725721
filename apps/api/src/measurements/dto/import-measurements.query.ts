import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { booleanWord } from '../../common/validation.js';

export class ImportMeasurementsQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'Check the file and report what an import would do, writing nothing',
  })
  @IsOptional()
  @Transform(({ value }) => booleanWord(value))
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun: boolean = false;
}
