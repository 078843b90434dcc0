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
 * Shared by every limiter: a closure per connection would cost memory for nothing. Whole
 * milliseconds, and the buckets below in whole units, so every field stays a small integer, which
 * V8 keeps inside the object; a fraction in a field makes V8 box it as a heap number of its own
 * (16 bytes per field per connection).
 */
const monotonicNow = () => Math.floor(performance.now());

export class RateLimiter {
  /** Frames left, in thousandths: the refill per millisecond is then a whole number. */
  private milliMessages: number;
  private bytes: number;
  /** Thousandths of a byte refilled but not yet a whole byte, carried to the next refill. */
  private byteCarry = 0;
  private last: number;

  constructor(
    private readonly limits: RateLimits = DEFAULT_RATE_LIMITS,
    private readonly now: () => number = monotonicNow,
  ) {
    this.milliMessages = limits.messageBurst * 1000;
    this.bytes = limits.byteBurst;
    this.last = now();
  }

  /** Takes one frame of `size` bytes; false when either bucket is empty. */
  take(size: number): boolean {
    const t = this.now();
    const elapsedMs = Math.max(0, t - this.last);
    this.last = t;
    this.milliMessages = Math.min(this.limits.messageBurst * 1000, this.milliMessages + elapsedMs * this.limits.messagesPerSecond);
    const milliBytes = elapsedMs * this.limits.bytesPerSecond + this.byteCarry;
    this.byteCarry = milliBytes % 1000;
    this.bytes = Math.min(this.limits.byteBurst, this.bytes + (milliBytes - this.byteCarry) / 1000);
    if (this.milliMessages < 1000 || this.bytes < size) return false;
    this.milliMessages -= 1000;
    this.bytes -= size;
    return true;
  }
}
