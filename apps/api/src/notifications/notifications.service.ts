import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Notification } from '#database';
import { DomainError, JobName, QueueName, sendJobId, type Actor } from '#domain';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { JobQueueing } from '../redis/job-queueing.js';
import type { Principal } from '../auth/principal.js';
import { toNotificationResponse } from './dto/notification.response.js';
import type { NotificationsQuery } from './dto/notifications.query.js';

/** Only these can be sent again: a refused one, or a stale one an officer decides to send after all. */
const RETRYABLE = ['failed', 'suppressed'];

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    private readonly queueing: JobQueueing,
    private readonly audit: AuditService,
  ) {}

  /** Newest first; department heads see their departments' contracts' notifications and their meeting packs. */
  async list(query: NotificationsQuery, principal: Principal): Promise<[Notification[], number]> {
    const builder = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('notification')
      .leftJoin('notification.contract', 'contract')
      .orderBy('notification.createdAt', 'DESC')
      .addOrderBy('notification.id')
      .take(query.limit)
      .skip(query.offset);
    if (query.status) builder.andWhere('notification.status = :status', { status: query.status });
    if (query.kind) builder.andWhere('notification.kind = :kind', { kind: query.kind });
    if (query.contractId) builder.andWhere('notification.contractId = :contractId', { contractId: query.contractId });
    if (principal.role === 'department_head') {
      builder.andWhere('coalesce(contract.departmentId, notification.departmentId) = ANY(:departmentIds)', {
        departmentIds: principal.departmentIds,
      });
    }
    return builder.getManyAndCount();
  }

  /** Puts a failed (or suppressed) email back in the outbox with a fresh retry window, and queues it. */
  async retry(id: string, actor: Actor): Promise<Notification> {
    if (this.queueing.unavailable) {
      throw new ServiceUnavailableException('The job queue is unavailable; nothing was changed, retry again shortly');
    }
    const notification = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(Notification, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw DomainError.notFound('Notification', id);
      if (!RETRYABLE.includes(found.status)) {
        throw new DomainError(
          'CONFLICT',
          `A ${found.status} notification cannot be retried (only failed or suppressed ones)`,
        );
      }
      const before = toNotificationResponse(found);
      Object.assign(found, { status: 'pending', firstAttemptAt: null });
      const saved = await manager.save(found);
      await this.audit.record(manager, actor, {
        action: 'retry',
        entityType: 'notification',
        entityId: id,
        before,
        after: toNotificationResponse(saved),
      });
      return saved;
    });
    // Pending again either way: the outbox sweep sends it if the job cannot be added now.
    const notQueued = 'The notification is pending again but could not be queued; the outbox sweep will send it';
    await this.queueing.within(notQueued, async () => {
      await this.queue.remove(sendJobId(id));
      await this.queue.add(JobName.Send, { notificationId: id }, { jobId: sendJobId(id) });
    });
    return notification;
  }
}
