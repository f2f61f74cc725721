import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '#domain';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Jane Doe, Public Works' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    type: [String],
    description: 'Required for department_head: the departments it may see',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'departmentIds must be UUIDs' })
  departmentIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for vendor: the vendor the key acts for' })
  @IsOptional()
  @IsUUID('all', { message: 'vendorId must be a UUID' })
  vendorId?: string;
}
