import { AppEnv } from '#domain';
import { IsInt, Max, Min } from 'class-validator';

/** The API's settings: the product design (§5) plus the HTTP edge's limits. */
export class ApiEnv extends AppEnv {
  /** Requests per minute from one client address; health checks are exempt. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 6000;

  /** Largest JSON body accepted, in bytes (bulk imports have their own limit). */
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES: number = 1024 * 1024;

  /** Largest CSV import, in bytes. Imports are streamed, never held in memory, so this bounds time, not memory. */
  @IsInt()
  @Min(1024)
  IMPORT_LIMIT_BYTES: number = 100 * 1024 * 1024;
}
