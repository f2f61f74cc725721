import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsPlainEmail } from '../../common/email-validator.js';

export class CreateDepartmentDto {
  @ApiProperty({ example: 'Public Works' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'PW', description: 'Short unique code: letters, digits, "-" or "_"' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'code must be 1-32 letters, digits, "-" or "_"' })
  code!: string;

  @ApiProperty({ format: 'email', example: 'head.publicworks@city.example' })
  @IsPlainEmail()
  headEmail!: string;
}
