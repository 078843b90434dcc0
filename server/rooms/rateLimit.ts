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

export class RateLimiter {
  private messages: number;
  private bytes: number;
  private last: number;

  constructor(
    private readonly limits: RateLimits = DEFAULT_RATE_LIMITS,
    private readonly now: () => number = monotonicNow,
  ) {
    this.messages = limits.messageBurst;
    this.bytes = limits.byteBurst;
    this.last = now();
  }

  /** Takes one frame of `size` bytes; false when either bucket is empty. */
  take(size: number): boolean {
    const t = this.now();
    const elapsed = Math.max(0, t - this.last) / 1000;
    this.last = t;
    this.messages = Math.min(this.limits.messageBurst, this.messages + elapsed * this.limits.messagesPerSecond);
    this.bytes = Math.min(this.limits.byteBurst, this.bytes + elapsed * this.limits.bytesPerSecond);
    if (this.messages < 1 || this.bytes < size) return false;
    this.messages -= 1;
    this.bytes -= size;
    return true;
  }
}
