import { AppEnv } from '#runtime';
import { IsInt, Max, Min } from 'class-validator';

/** The worker's settings: the product design's variables (§5) plus the knobs of its queues. */
export class WorkerEnv extends AppEnv {
  /** Contracts per evaluation job. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  EVALUATION_CHUNK_SIZE: number = 500;

  /** How often the outbox sweep re-queues work whose job was lost (Redis lost data, a crash between commit and enqueue). */
  @IsInt()
  @Min(1)
  @Max(3600)
  SWEEP_EVERY_SECONDS: number = 60;
}
