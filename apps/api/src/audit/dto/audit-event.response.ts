import type { AuditEvent } from '#database';

export type AuditEventResponse = {
  id: string;
  occurredAt: Date;
  actor: { type: string; id: string | null; name: string };
  action: string;
  entityType: string;
  entityId: string;
  before: object | null;
  after: object | null;
  requestId: string | null;
};

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
