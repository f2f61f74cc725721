import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditEvent, recordAuditEvent, type AuditChange } from '#database';
import { type Actor } from '#domain';
import { EntityManager, Repository } from 'typeorm';
import type { AuditEventsQuery } from './dto/audit-events.query.js';

/** Writes the audit trail inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  async record(manager: EntityManager, actor: Actor, change: AuditChange): Promise<void> {
    await recordAuditEvent(manager, actor, change);
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
