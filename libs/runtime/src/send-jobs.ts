import { JobName, sendJobId, type SendJob } from '#domain';
import type { Queue } from 'bullmq';

/**
 * Queues committed outbox rows for sending, one job each under its fixed id (so a row already queued is not
 * queued twice). The queue's own options carry the email retry schedule.
 */
export async function queueSendJobs(queue: Queue<SendJob>, notificationIds: readonly string[]): Promise<void> {
  if (notificationIds.length === 0) return;
  await queue.addBulk(
    notificationIds.map((notificationId) => ({
      name: JobName.Send,
      data: { notificationId },
      opts: { jobId: sendJobId(notificationId) },
    })),
  );
}
