import { ApiProperty } from '@nestjs/swagger';
import { KPI_DIRECTIONS, type KpiDirection } from '#domain';

/** One contract among its peers (docs/metrics.md, peer comparison). */
export class PeerComparisonRow {
  @ApiProperty({ example: 2, description: 'Standard competition rank on on-track share, highest first (1, 2, 2, 4)' })
  rank!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 62.5,
    description: 'Share of the other peers below, ties counting half, 0-100; null without another peer',
  })
  percentile!: number | null;

  @ApiProperty({ description: "The department's code" })
  department!: string;

  @ApiProperty({ format: 'uuid' })
  contractId!: string;

  @ApiProperty()
  contractNumber!: string;

  @ApiProperty()
  contractTitle!: string;

  @ApiProperty()
  vendor!: string;

  @ApiProperty({ type: [Number], description: "The entry's versions the contract's KPIs pin" })
  versions!: number[];

  @ApiProperty({ description: 'Evaluations in the range, missing ones included' })
  evaluations!: number;

  @ApiProperty()
  onTrack!: number;

  @ApiProperty()
  atRisk!: number;

  @ApiProperty()
  offTrack!: number;

  @ApiProperty()
  missing!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Mean of the values evaluated (missing ones left out)' })
  meanValue!: number | null;

  @ApiProperty({ type: Number, example: 75, description: 'Share of the evaluations on track, 0-100, one decimal' })
  onTrackPercent!: number;
}

export class PeerComparisonResponse {
  @ApiProperty({ format: 'uuid', description: 'The version asked about' })
  libraryKpiId!: string;

  @ApiProperty({ format: 'uuid' })
  entryId!: string;

  @ApiProperty({ description: "The entry's latest name" })
  name!: string;

  @ApiProperty()
  unit!: string;

  @ApiProperty({ enum: KPI_DIRECTIONS })
  direction!: KpiDirection;

  @ApiProperty({ example: '2026-01' })
  from!: string;

  @ApiProperty({ example: '2026-12' })
  to!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  departmentId!: string | null;

  @ApiProperty({ example: 1, description: 'The version of the definitions in docs/metrics.md' })
  definitionsVersion!: number;

  @ApiProperty({ description: 'How many contracts are compared' })
  peers!: number;

  @ApiProperty({ type: () => [PeerComparisonRow], description: 'Best first: by rank, then contract number' })
  rows!: PeerComparisonRow[];
}
