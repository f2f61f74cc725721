import { Test, type TestingModule } from '@nestjs/testing';
import type { Clock } from '#domain';
import { CLOCK } from '#runtime';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';

/**
 * The real WorkerModule in this process, reading time from `clock`: its processors consume the run's queues
 * until `close()`. For tests that pin the time of both apps; tests of the worker as a process start the build.
 */
export async function startInProcessWorker(clock: Clock): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  return moduleRef.init();
}
