import { ApiPropertyOptional } from '@nestjs/swagger';
import { PERFORMANCE_RATINGS, type PerformanceRating } from '#domain';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { OmittedOrSet } from '../../common/validation.js';

/** What an officer changes on a draft: the rating (replacing the proposal) and the narrative that explains it. */
export class UpdatePerformanceEvaluationDto {
  @ApiPropertyOptional({ enum: PERFORMANCE_RATINGS })
  @OmittedOrSet()
  @IsIn(PERFORMANCE_RATINGS, { message: `rating must be one of ${PERFORMANCE_RATINGS.join(', ')}` })
  rating?: PerformanceRating;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 10000, description: 'null clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  narrative?: string | null;
}
