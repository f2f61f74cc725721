import { JobName, QueueName } from '#domain';
import {
  createDepartment,
  enqueueRun,
  openDataSource,
  openQueues,
  resetDatabase,
  resetQueues,
  waitForQuiet,
  type TestQueues,
} from '#testing';
import type { DataSource } from 'typeorm';

// The wait that every "nothing more happened" assertion stands on: it must hold out while anything is left to do.
describe('waitForQuiet', () => {
  let dataSource: DataSource;
  let queues: TestQueues;

  beforeAll(async () => {
    dataSource = await openDataSource();
    queues = openQueues();
  });

  beforeEach(async () => {
    await resetDatabase(dataSource);
    await resetQueues(queues);
  });

  afterAll(async () => {
    await queues.close();
    await dataSource.destroy();
  });

  const notifications = () => queues.get(QueueName.Notifications);

  it('should return when the queues and the outbox are empty, a job scheduler’s next iteration aside', async () => {
    const runs = queues.get(QueueName.EvaluationRuns);
    await runs.upsertJobScheduler('evaluation-schedule', { pattern: '0 0 29 2 *' }, { name: JobName.ScheduledRun });
    expect(await runs.getDelayedCount()).toBe(1);
    await expect(waitForQuiet({ queues, dataSource }, 2000)).resolves.toBeUndefined();
  });

  it('should fail with the counts while a job is waiting, or delayed', async () => {
    await notifications().add(JobName.Send, { notificationId: 'a' });
    await notifications().add(JobName.Send, { notificationId: 'b' }, { delay: 60_000 });
    await expect(waitForQuiet({ queues, dataSource }, 500)).rejects.toThrow(
      /Not quiet within 500 ms: .*"notifications":\{[^}]*"waiting":1,[^}]*"delayed":1/,
    );
  });

  it('should fail while an email is pending or a run is unfinished, with no job left', async () => {
    const department = await createDepartment(dataSource);
    await dataSource.query(
      `INSERT INTO notifications (department_id, period, kind, status, to_addresses, language)
       VALUES ($1, '2025-03', 'meeting_pack', 'pending', '{head@city.example}', 'en')`,
      [department.id],
    );
    await enqueueRun(dataSource, queues);
    await resetQueues(queues);
    await expect(waitForQuiet({ queues, dataSource }, 500)).rejects.toThrow(
      /"pendingNotifications":1,"unfinishedRuns":1/,
    );
  });

  it('should return once the last of the work is done', async () => {
    await notifications().add(JobName.Send, { notificationId: 'a' });
    const quiet = waitForQuiet({ queues, dataSource }, 10_000);
    await notifications().drain();
    await expect(quiet).resolves.toBeUndefined();
  });
});
