import { ApiPropertyOptional } from '@nestjs/swagger';
import { CERTIFICATION_TYPES, type CertificationType } from '#domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.js';
import { booleanWord } from '../../common/validation.js';

export class VendorsQuery extends PaginationQuery {
  @ApiPropertyOptional({ description: 'Part of the legal name or tax id, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  q?: string;

  @ApiPropertyOptional({
    enum: CERTIFICATION_TYPES,
    description: "Vendors holding a certification of this type that is valid today in the city's time zone",
  })
  @IsOptional()
  @IsIn(CERTIFICATION_TYPES, { message: `certification must be one of ${CERTIFICATION_TYPES.join(', ')}` })
  certification?: CertificationType;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @Transform(({ value }) => booleanWord(value))
  @IsBoolean({ message: 'isLocal must be true or false' })
  isLocal?: boolean;
}
