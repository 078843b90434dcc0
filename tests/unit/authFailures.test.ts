import { describe, expect, it } from 'vitest';
import { FailureCounter } from '../../server/http/authFailures';

describe('FailureCounter', () => {
  it('counts failures per key within a window and starts afresh after it', () => {
    const counter = new FailureCounter(1000);
    counter.record('a', 0);
    counter.record('a', 100);
    counter.record('b', 100);
    expect(counter.peek('a', 500)).toEqual({ failures: 2, ttl: 500 });
    expect(counter.peek('b', 500).failures).toBe(1);
    expect(counter.peek('c', 500)).toEqual({ failures: 0, ttl: 1000 });
    // The window runs from the first failure, not the last: a slow trickle cannot extend it.
    expect(counter.peek('a', 1000).failures).toBe(0);
    counter.record('a', 1000);
    expect(counter.peek('a', 1001).failures).toBe(1);
  });

  it('keeps memory bounded by forgetting the oldest windows first', () => {
    const counter = new FailureCounter(60_000);
    for (let i = 0; i < 50_001; i++) counter.record(`10.0.${i >> 8}.${i & 255}`, 0);
    expect(counter.peek('10.0.0.0', 1).failures).toBe(0);
    expect(counter.peek('10.0.0.1', 1).failures).toBe(1);
  });
});
