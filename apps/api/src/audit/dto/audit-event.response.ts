import type { AuditEvent } from '#database';
import { ApiProperty } from '@nestjs/swagger';

export class AuditActorResponse {
  @ApiProperty({ example: 'api_key', description: '`api_key`, `system` or `cli`' })
  type!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  id!: string | null;

  @ApiProperty()
  name!: string;
}

export class AuditEventResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt!: Date;

  @ApiProperty()
  actor!: AuditActorResponse;

  @ApiProperty({ example: 'contract.updated' })
  action!: string;

  @ApiProperty({ example: 'contract' })
  entityType!: string;

  @ApiProperty()
  entityId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The record before the change',
  })
  before!: object | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The record after the change',
  })
  after!: object | null;

  @ApiProperty({ type: String, nullable: true })
  requestId!: string | null;
}

export const toAuditEventResponse = (event: AuditEvent): AuditEventResponse => ({
  id: event.id,
  occurredAt: event.occurredAt,
  actor: { type: event.actorType, id: event.actorId, name: event.actorName },
  action: event.action,
  entityType: event.entityType,
  entityId: event.entityId,
  before: event.before,
  after: event.after,
  requestId: event.requestId,
});
