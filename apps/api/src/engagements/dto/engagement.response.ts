import type { Engagement } from '#database';
import { ENGAGEMENT_KINDS, type EngagementAction, type EngagementKind } from '#domain';
import { ApiProperty } from '@nestjs/swagger';

export class EngagementActionResponse implements EngagementAction {
  @ApiProperty()
  description!: string;

  @ApiProperty({ type: String, nullable: true })
  owner!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  dueDate!: string | null;
}

export class EngagementResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  contractId!: string;

  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty({ enum: ENGAGEMENT_KINDS })
  kind!: EngagementKind;

  @ApiProperty({ type: [String] })
  attendees!: string[];

  @ApiProperty({ type: String, nullable: true })
  notes!: string | null;

  @ApiProperty({ type: () => [EngagementActionResponse] })
  actions!: EngagementAction[];

  @ApiProperty({ description: 'The name of the API key that recorded it' })
  recordedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

export const toEngagementResponse = (engagement: Engagement): EngagementResponse => ({
  id: engagement.id,
  contractId: engagement.contractId,
  date: engagement.date,
  kind: engagement.kind,
  attendees: engagement.attendees,
  notes: engagement.notes,
  actions: engagement.actions,
  recordedBy: engagement.recordedBy,
  createdAt: engagement.createdAt,
});
