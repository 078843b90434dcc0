import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../server/rooms/rateLimit';

describe('RateLimiter', () => {
  const limits = { messagesPerSecond: 10, messageBurst: 20, bytesPerSecond: 1000, byteBurst: 5000 };

  it('lets a burst through, then refills at the rate', () => {
    let now = 0;
    const limiter = new RateLimiter(limits, () => now);
    for (let i = 0; i < 20; i++) expect(limiter.take(1)).toBe(true);
    expect(limiter.take(1)).toBe(false);
    now += 500; // 5 messages' worth
    for (let i = 0; i < 5; i++) expect(limiter.take(1)).toBe(true);
    expect(limiter.take(1)).toBe(false);
    now += 60_000; // never more than the burst, however long the pause
    for (let i = 0; i < 20; i++) expect(limiter.take(1)).toBe(true);
    expect(limiter.take(1)).toBe(false);
  });

  it('limits bytes separately from messages', () => {
    let now = 0;
    const limiter = new RateLimiter(limits, () => now);
    expect(limiter.take(4000)).toBe(true);
    expect(limiter.take(1500)).toBe(false);
    now += 1000;
    expect(limiter.take(1500)).toBe(true);
  });
});
