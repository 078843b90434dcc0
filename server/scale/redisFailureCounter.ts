/**
 * The failed-request counts of server/http/authFailures.ts kept in Redis, so N instances behind
 * a balancer admit AUTH_FAILURES_PER_MINUTE guesses from one address in total, not N times as
 * many. One key per address, created with the window as its expiry: the window starts at the
 * first failure, as in the in-memory counter.
 *
 * While Redis cannot be reached the instance counts in its own memory instead (per instance,
 * as without REDIS_URL): a Redis outage must neither lock everybody out nor lift the limit.
 */
import { Redis } from 'ioredis';
import { FailureCounter, type FailureCounts } from '../http/authFailures';
import type { Logger } from '../log';

const PREFIX = 'pajaseina:auth-failures:';

export class RedisFailureCounter implements FailureCounts {
  private readonly local: FailureCounter;
  private failing = false;

  private constructor(
    private readonly redis: Redis,
    private readonly windowMs: number,
    private readonly log: Logger,
  ) {
    this.local = new FailureCounter(windowMs);
  }

  static async connect(url: string, windowMs: number, log: Logger): Promise<RedisFailureCounter> {
    // No offline queue: while Redis is down a request must not wait for it.
    const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (times) => Math.min(times * 100, 1_000) });
    redis.on('error', () => {}); // reported once per outage by `fallBack`
    await redis.connect();
    return new RedisFailureCounter(redis, windowMs, log);
  }

  async record(key: string): Promise<void> {
    try {
      // SET NX starts the window (with its expiry) only if none runs; INCR keeps the expiry.
      await this.redis.multi().set(PREFIX + key, 0, 'PX', this.windowMs, 'NX').incr(PREFIX + key).exec();
      this.recovered();
    } catch (err) {
      this.fallBack(err);
      this.local.record(key);
    }
  }

  async peek(key: string): Promise<{ failures: number; ttl: number }> {
    try {
      const [[, count], [, ttl]] = (await this.redis.multi().get(PREFIX + key).pttl(PREFIX + key).exec()) as [[null, string | null], [null, number]];
      this.recovered();
      const failures = Number(count ?? 0);
      return { failures, ttl: failures > 0 && ttl > 0 ? ttl : this.windowMs };
    } catch (err) {
      this.fallBack(err);
      return this.local.peek(key);
    }
  }

  private fallBack(err: unknown): void {
    if (this.failing) return;
    this.failing = true;
    this.log.warn({ err: (err as Error).message }, 'redis unreachable: counting failed requests per instance until it is back');
  }

  private recovered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.log.info({}, 'redis reachable again: failed requests are counted across instances');
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => {});
    this.redis.disconnect();
  }
}
