import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CERTIFICATION_TYPES, type CertificationType } from '#domain';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsNotBefore } from '../../common/date-validators.js';

export class CreateCertificationDto {
  @ApiProperty({ enum: CERTIFICATION_TYPES })
  @IsIn(CERTIFICATION_TYPES, { message: `type must be one of ${CERTIFICATION_TYPES.join(', ')}` })
  type!: CertificationType;

  @ApiProperty({ example: 'State Office of Supplier Diversity' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  certifyingAgency!: string;

  @ApiProperty({ example: 'WBE-2026-0042' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  certificateNumber!: string;

  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day of validity (YYYY-MM-DD, inclusive)' })
  @IsCalendarDate()
  validFrom!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2028-12-31',
    nullable: true,
    description: 'Last day of validity (YYYY-MM-DD, inclusive); left out or null: does not expire',
  })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBefore('validFrom')
  validTo?: string | null;
}
