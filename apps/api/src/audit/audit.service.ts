import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditEvent } from '#database';
import { type Actor } from '#domain';
import { EntityManager, Repository } from 'typeorm';
import type { AuditEventsQuery } from './dto/audit-events.query.js';

export type AuditChange = {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
};

/** Writes the audit trail inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  async record(manager: EntityManager, actor: Actor, change: AuditChange): Promise<void> {
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

  async list(query: AuditEventsQuery): Promise<[AuditEvent[], number]> {
    return this.events.findAndCount({
      where: {
        ...(query.entityType && { entityType: query.entityType }),
        ...(query.entityId && { entityId: query.entityId }),
        ...(query.actorId && { actorId: query.actorId }),
      },
      order: { occurredAt: 'DESC', id: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
  }
}

// Response objects hold Dates and numbers; a JSON round trip stores exactly what the API showed.
const toJson = (value: object | null | undefined): object | null =>
  value ? (JSON.parse(JSON.stringify(value)) as object) : null;
