import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ENGAGEMENT_KINDS, type EngagementKind } from '#domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/date-validators.js';
import { OmittedOrSet } from '../../common/validation.js';

/** Something agreed at the engagement; owner and due date when they were set. */
export class EngagementActionDto {
  @ApiProperty({ example: 'Send the revised crew schedule for District 4' })
  @IsString()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(2000)
  description!: string;

  @ApiPropertyOptional({ example: 'Vendor site supervisor', description: 'Who is to do it: a name, role or email' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'owner must not be empty' })
  @MaxLength(200)
  owner?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-05-15' })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;
}

export class CreateEngagementDto {
  @ApiProperty({ format: 'date', example: '2026-04-28', description: 'The day it took place (not in the future)' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ enum: ENGAGEMENT_KINDS })
  @IsIn(ENGAGEMENT_KINDS, { message: `kind must be one of ${ENGAGEMENT_KINDS.join(', ')}` })
  kind!: EngagementKind;

  @ApiProperty({
    type: [String],
    example: ['Ana Souza (contract manager)', 'ops@acme-paving.example'],
    description: 'Who took part: names or email addresses, as the minutes write them (1 to 50)',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'attendees must name at least one person' })
  @ArrayMaxSize(50)
  @IsString({ each: true, message: 'each attendee must be a string' })
  @IsNotEmpty({ each: true, message: 'an attendee must not be empty' })
  @MaxLength(200, { each: true, message: 'an attendee must be at most 200 characters' })
  attendees!: string[];

  @ApiPropertyOptional({ example: 'Reviewed the March off-track results; the vendor explained the crew shortage.' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string;

  @ApiPropertyOptional({ type: [EngagementActionDto], description: 'What was agreed (at most 50)' })
  @OmittedOrSet()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EngagementActionDto)
  actions?: EngagementActionDto[];
}
