/**
 * The shared auth-failure counter (server/scale/redisFailureCounter.ts) against a real
 * redis-server reached through a proxy the test can cut: two instances share one count; while
 * Redis is unreachable each instance counts on its own at once (no waiting on a dead link, limit
 * neither lifted nor locking everyone out); once Redis is back the shared count is used again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisFailureCounter } from '../../server/scale/redisFailureCounter';
import type { Logger } from '../../server/log';
import { startCuttableProxy, type CuttableProxy } from '../helpers/cuttableProxy';
import { startRedis, type Redis } from '../helpers/services';

const WINDOW_MS = 60_000;

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (_obj: object, msg: string) => void lines.push(msg);
  return { lines, debug: push, info: push, warn: push, error: push };
}

async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('auth-failure counts shared through Redis', () => {
  let redis: Redis;
  let proxy: CuttableProxy;
  let a: RedisFailureCounter;
  let b: RedisFailureCounter;
  const logA = recordingLogger();

  beforeAll(async () => {
    redis = await startRedis();
    proxy = await startCuttableProxy(redis.port);
    // Instance A reaches Redis through the proxy, instance B directly.
    a = await RedisFailureCounter.connect(proxy.url.replace('http:', 'redis:'), WINDOW_MS, logA);
    b = await RedisFailureCounter.connect(redis.url, WINDOW_MS, recordingLogger());
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await proxy?.close();
    await redis?.stop();
  });

  it('adds up failures recorded on two instances', async () => {
    await a.record('10.0.0.1');
    await b.record('10.0.0.1');
    await a.record('10.0.0.1');
    expect((await a.peek('10.0.0.1')).failures).toBe(3);
    const seenByB = await b.peek('10.0.0.1');
    expect(seenByB.failures).toBe(3);
    expect(seenByB.ttl).toBeGreaterThan(0);
    expect(seenByB.ttl).toBeLessThanOrEqual(WINDOW_MS);
  });

  // Without the counter's "no offline queue" the calls below would wait for Redis and the test
  // would time out instead of passing.
  it('counts on its own, without waiting, while Redis is unreachable, and shares again once it is back', async () => {
    await proxy.cut();
    await a.record('10.0.0.2');
    await a.record('10.0.0.2');
    const local = await a.peek('10.0.0.2');
    // Not lifted: the failures made during the outage still count on this instance.
    expect(local.failures).toBe(2);
    expect(logA.lines.some((l) => l.startsWith('redis unreachable'))).toBe(true);
    // The other instance never heard of those failures.
    expect((await b.peek('10.0.0.2')).failures).toBe(0);

    await proxy.restore();
    await eventually(async () => (await a.peek('10.0.0.1')).failures === 3);
    expect(logA.lines.some((l) => l.startsWith('redis reachable again'))).toBe(true);
    await b.record('10.0.0.3');
    expect((await a.peek('10.0.0.3')).failures).toBe(1);
  }, 30_000);
});
