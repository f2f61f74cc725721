import { Redis } from 'ioredis';

/** The `maxmemory_policy` line of `INFO memory`, which works even where `CONFIG` is disabled (managed Redis). */
export function evictionPolicyOf(info: string): string | null {
  return /^maxmemory_policy:(\S+)/m.exec(info)?.[1] ?? null;
}

/**
 * BullMQ keeps jobs as ordinary keys: a Redis that evicts keys under memory pressure drops jobs without a
 * trace. The worker refuses to start on one.
 */
export async function assertRedisKeepsJobs(url: string): Promise<void> {
  const where = new URL(url).host; // never the password
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect().catch((error: Error) => {
      throw new Error(`Cannot reach Redis at ${where} (REDIS_URL): ${error.message}`);
    });
    const policy = evictionPolicyOf(await redis.info('memory'));
    if (policy !== 'noeviction') {
      throw new Error(
        `Redis at ${where} has maxmemory-policy ${policy ?? 'unknown'}; the worker needs noeviction, because an ` +
          'evicting Redis silently drops queued jobs. Set "maxmemory-policy noeviction" in redis.conf ' +
          '(or CONFIG SET maxmemory-policy noeviction) and start the worker again.',
      );
    }
  } finally {
    redis.disconnect();
  }
}
