import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, type Language } from '#domain';
import {
  IsBoolean,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsPlainEmail } from '../../common/email-validator.js';
import { OmittedOrSet } from '../../common/validation.js';

export class CreateVendorDto {
  @ApiProperty({ example: 'Acme Paving LLC' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  legalName!: string;

  @ApiProperty({ example: '12-3456789', description: 'Unique; the CLI names vendors by it' })
  @IsString()
  @MaxLength(64)
  // A key that people type: no leading or trailing blanks to tell apart.
  @Matches(/^\S(?:.*\S)?$/, { message: 'taxId must not be empty or start or end with a blank' })
  taxId!: string;

  @ApiProperty({ format: 'email', example: 'contracts@acme.example', description: 'Where performance alerts go' })
  @IsPlainEmail()
  email!: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en', description: 'Language of the emails the vendor gets' })
  @OmittedOrSet()
  @IsIn(LANGUAGES, { message: `preferredLanguage must be one of ${LANGUAGES.join(', ')}` })
  preferredLanguage?: Language;

  @ApiPropertyOptional({ default: false })
  @OmittedOrSet()
  @IsBoolean()
  isLocal?: boolean;

  @ApiPropertyOptional({ type: String, example: '100 Main Street', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  addressLine1?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Suite 200', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  addressLine2?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Springfield', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  city?: string | null;

  @ApiPropertyOptional({ type: String, example: 'IL', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  region?: string | null;

  @ApiPropertyOptional({ type: String, example: '62701', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  postalCode?: string | null;

  @ApiPropertyOptional({ type: String, example: 'US', description: 'ISO 3166-1 alpha-2, uppercase', nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be two uppercase letters' })
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as US' })
  country?: string | null;
}
