import type { Actor } from '#domain';
import type { EntityManager } from 'typeorm';
import { AuditEvent } from './entities/audit-event.entity.js';

/** One change for the audit trail, `before` and `after` as the API represents the object. */
export type AuditChange = {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
};

/**
 * Writes one audit event inside the caller's transaction, so a change and its record commit together: the API's
 * requests and the worker's duties (a comment window closing) alike.
 */
export async function recordAuditEvent(manager: EntityManager, actor: Actor, change: AuditChange): Promise<void> {
  await manager.insert(AuditEvent, {
    actorType: actor.type,
    actorId: actor.id,
    actorName: actor.name,
    requestId: actor.requestId,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: toJson(change.before),
    after: toJson(change.after),
  });
}

// Response objects hold Dates and numbers; a JSON round trip stores exactly what the API showed.
const toJson = (value: object | null | undefined): object | null =>
  value ? (JSON.parse(JSON.stringify(value)) as object) : null;
