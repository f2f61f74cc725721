import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { PERFORMANCE_RATINGS, type PerformanceRating } from '#domain';
import type { EvaluationYear, FinalRating, VendorPerformance } from '../vendor-performance.service.js';

export class EvaluationYearResponse implements EvaluationYear {
  @ApiProperty({ example: 2026, description: 'The year of the evaluated periods' })
  year!: number;

  @ApiProperty()
  total!: number;

  @ApiProperty()
  on_track!: number;

  @ApiProperty()
  at_risk!: number;

  @ApiProperty()
  missing!: number;

  @ApiProperty()
  off_track!: number;
}

export class FinalRatingResponse implements FinalRating {
  @ApiProperty({ format: 'uuid' })
  evaluationId!: string;

  @ApiProperty({ format: 'uuid' })
  contractId!: string;

  @ApiProperty()
  contractNumber!: string;

  @ApiProperty({ example: '2026-01' })
  from!: string;

  @ApiProperty({ example: '2026-06' })
  to!: string;

  @ApiProperty({ enum: PERFORMANCE_RATINGS })
  rating!: PerformanceRating;

  @ApiProperty({ type: String, format: 'date-time' })
  finalizedAt!: Date;
}

export class RatingCountsResponse implements Record<PerformanceRating, number> {
  @ApiProperty()
  good!: number;

  @ApiProperty()
  approaching_target!: number;

  @ApiProperty()
  requires_improvement!: number;

  @ApiProperty()
  inadequate!: number;
}

export class VendorRatingsResponse {
  @ApiProperty({ type: RatingCountsResponse, description: 'Every final evaluation, by rating' })
  counts!: RatingCountsResponse;

  // A nullable reference: OpenAPI 3.0 has no null type, so the reference is wrapped (a `type` would hide it).
  @ApiProperty({
    allOf: [{ $ref: getSchemaPath(FinalRatingResponse) }],
    nullable: true,
    description: 'The most recently finalized one; null when none is',
  })
  last!: FinalRatingResponse | null;

  @ApiProperty({ type: [FinalRatingResponse], description: 'The latest final evaluation of each contract' })
  latestPerContract!: FinalRatingResponse[];
}

/** The vendor's past performance across the contracts the caller may see. */
export class VendorPerformanceResponse implements VendorPerformance {
  @ApiProperty({ format: 'uuid' })
  vendorId!: string;

  @ApiProperty()
  legalName!: string;

  @ApiProperty({ description: "The vendor's contracts the record covers" })
  contracts!: number;

  @ApiProperty({ type: [EvaluationYearResponse], description: 'KPI evaluations by status per year, oldest first' })
  evaluationsByYear!: EvaluationYearResponse[];

  @ApiProperty({ type: VendorRatingsResponse })
  ratings!: VendorRatingsResponse;
}
