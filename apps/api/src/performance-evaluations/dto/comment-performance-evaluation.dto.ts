import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The vendor's comment on an issued evaluation, kept beside it once it is final. */
export class CommentPerformanceEvaluationDto {
  @ApiProperty({ maxLength: 10000, example: 'The May figures were delayed by the data platform migration.' })
  @IsString()
  @IsNotEmpty({ message: 'comment must not be empty' })
  @MaxLength(10000)
  comment!: string;
}
