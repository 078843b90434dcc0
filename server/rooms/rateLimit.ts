/**
 * Per-connection flood control: two token buckets, one on frames and one on bytes. A real
 * client's burst (a fresh sync, a paste, typing with awareness) stays far below the defaults;
 * a loop sending frames as fast as the network allows empties them within a second.
 */

export interface RateLimits {
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  byteBurst: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  messagesPerSecond: 200,
  messageBurst: 500,
  bytesPerSecond: 2 * 1024 * 1024,
  // At least one full-size frame (MAX_MESSAGE_BYTES, 1 MiB by default) plus change.
  byteBurst: 4 * 1024 * 1024,
};

/**
 * The buckets alone: a Connection extends this, so they are fields of the connection itself
 * rather than an object of their own, and it supplies the limits from its own options instead
 * of a copy of them in a field (hundreds of connections per wall).
 */
export abstract class RateBuckets {
  private messages: number;
  private bytes: number;
  private last: number;

  /** `now`: the clock's reading at the start (rateNow() is not callable yet from a subclass's constructor). */
  constructor(limits: RateLimits, now: number) {
    this.messages = limits.messageBurst;
    this.bytes = limits.byteBurst;
    this.last = now;
  }

  protected abstract rateLimits(): RateLimits;

  /** Monotonic ms; a method, not a clock function per connection. */
  protected rateNow(): number {
    return performance.now();
  }

  /** Takes one frame of `size` bytes; false when either bucket is empty. */
  take(size: number): boolean {
    const limits = this.rateLimits();
    const t = this.rateNow();
    const elapsed = Math.max(0, t - this.last) / 1000;
    this.last = t;
    this.messages = Math.min(limits.messageBurst, this.messages + elapsed * limits.messagesPerSecond);
    this.bytes = Math.min(limits.byteBurst, this.bytes + elapsed * limits.bytesPerSecond);
    if (this.messages < 1 || this.bytes < size) return false;
    this.messages -= 1;
    this.bytes -= size;
    return true;
  }
}

/** Buckets on their own, with a clock to drive (tests). */
export class RateLimiter extends RateBuckets {
  constructor(
    private readonly limits: RateLimits = DEFAULT_RATE_LIMITS,
    private readonly clock: () => number = () => performance.now(),
  ) {
    super(limits, clock());
  }

  protected rateLimits(): RateLimits {
    return this.limits;
  }

  protected override rateNow(): number {
    return this.clock();
  }
}
