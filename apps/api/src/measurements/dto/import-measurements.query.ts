import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { DECIMAL_SEPARATORS, type DecimalSeparator } from '#domain';
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

  @ApiPropertyOptional({
    enum: DECIMAL_SEPARATORS,
    description:
      'The decimal separator of the values: "," when the file is separated by semicolons (as spreadsheets in ' +
      'es and pt locales write it), "." otherwise. Thousands separators are never accepted; in a ' +
      'comma-separated file a value with a decimal comma must be quoted ("3,5").',
  })
  @IsOptional()
  @IsIn(DECIMAL_SEPARATORS, { message: 'decimal must be "." or ","' })
  decimal?: DecimalSeparator;
}
