/** The injection token of the API's Redis connection for checks and small commands (RedisModule). */
export const REDIS = Symbol('REDIS');
