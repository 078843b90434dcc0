/** The bench's percentiles (bench/lib/stats.ts): nearest rank, so a p99 of 100 samples is not their maximum. */
import { describe, expect, it } from 'vitest';
import { distribution } from '../../bench/lib/stats';

describe('distribution', () => {
  it('takes the nearest rank: the p-th percentile is the ceil(p/100 · n)-th sample', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // given in any order
    expect(distribution(hundred)).toEqual({ count: 100, p50: 50, p99: 99, max: 100 });
    const thousand = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(distribution(thousand)).toMatchObject({ p50: 500, p99: 990, max: 1000 });
  });

  it('gives the only sample for one, the larger of two for p99, and NaN for none', () => {
    expect(distribution([7])).toEqual({ count: 1, p50: 7, p99: 7, max: 7 });
    expect(distribution([2, 1])).toEqual({ count: 2, p50: 1, p99: 2, max: 2 });
    expect(distribution([])).toMatchObject({ count: 0, p50: NaN, p99: NaN, max: NaN });
  });
});
