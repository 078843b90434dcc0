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

/** Shared by every limiter: a closure per connection would cost memory for nothing. */
const monotonicNow = () => performance.now();

/**
 * A Connection extends this, so the buckets are fields of the connection itself rather than an
 * object of their own per connection. The field names say "rate" so they cannot clash with the
 * subclass's.
 */
export class RateLimiter {
  private messages: number;
  private bytes: number;
  private last: number;

  constructor(
    private readonly rateLimits: RateLimits = DEFAULT_RATE_LIMITS,
    private readonly rateClock: () => number = monotonicNow,
  ) {
    this.messages = rateLimits.messageBurst;
    this.bytes = rateLimits.byteBurst;
    this.last = rateClock();
  }

  /** Takes one frame of `size` bytes; false when either bucket is empty. */
  take(size: number): boolean {
    const limits = this.rateLimits;
    const t = this.rateClock();
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
