/**
 * Slows down guessing of tokens, wall ids and the organiser key. Only FAILURES count: a 401 or
 * 404 on a guarded route (the wall API and the WebSocket upgrade) adds one to the client
 * address's count; successful requests add nothing, so a busy workshop behind one NAT address is
 * never throttled for working normally. Once an address has AUTH_FAILURES_PER_MINUTE failures in
 * the window, EVERY guarded request from it gets 429 until the window ends, right token or not:
 * otherwise a 200 among the 429s would still tell a guesser it had hit.
 *
 * @fastify/rate-limit does the refusing (hook, 429, Retry-After); its store is replaced by one
 * that reports the failure count without counting the request itself. (Its own `redis` option
 * cannot be used: that store counts every request.) The counts live in this instance's memory,
 * or in Redis when REDIS_URL is set (server/scale/redisFailureCounter.ts), so that several
 * instances share one limit.
 */
import rateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors';

/** Route config that puts a route under the failure limit. */
export const AUTH_GUARDED = { rateLimit: {} } as const;

/** Statuses that count as a failed guess. */
const FAILURES = new Set([401, 404]);
/** Addresses remembered at most; past this the oldest windows are forgotten first. */
const MAX_TRACKED = 50_000;

interface Window {
  failures: number;
  startedAt: number;
}

/** Where failures are counted: this instance's memory, or Redis shared by every instance. */
export interface FailureCounts {
  record(key: string): void | Promise<void>;
  /** Failures so far and ms until the window ends. */
  peek(key: string): { failures: number; ttl: number } | Promise<{ failures: number; ttl: number }>;
}

export class FailureCounter implements FailureCounts {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly windowMs: number) {}

  private current(key: string, now: number): Window | undefined {
    const w = this.windows.get(key);
    if (w && now - w.startedAt >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  record(key: string, now = Date.now()): void {
    const w = this.current(key, now);
    if (w) {
      w.failures++;
      return;
    }
    if (this.windows.size >= MAX_TRACKED) {
      // Map order is insertion order: the first entry is the oldest window.
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
    this.windows.set(key, { failures: 1, startedAt: now });
  }

  /** Failures so far and ms until the window ends. */
  peek(key: string, now = Date.now()): { failures: number; ttl: number } {
    const w = this.current(key, now);
    return w ? { failures: w.failures, ttl: this.windowMs - (now - w.startedAt) } : { failures: 0, ttl: this.windowMs };
  }
}

/** A rate-limit store over the failure counter: reads, never counts. */
function failureStore(counter: FailureCounts): new () => FastifyRateLimitStore {
  return class FailureStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void): void {
      Promise.resolve(counter.peek(key)).then(
        // The plugin refuses when current > max: with `failures` failures, this request is the next.
        ({ failures, ttl }) => callback(null, { current: failures + 1, ttl }),
        (err: Error) => callback(err),
      );
    }
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

const isGuarded = (request: FastifyRequest) => request.routeOptions.config?.rateLimit === AUTH_GUARDED.rateLimit;

export async function installAuthFailureLimit(
  app: FastifyInstance,
  opts: { maxFailures: number; windowMs: number; counter?: FailureCounts },
): Promise<FailureCounts> {
  const counter = opts.counter ?? new FailureCounter(opts.windowMs);
  await app.register(rateLimit, {
    global: false,
    max: opts.maxFailures,
    timeWindow: opts.windowMs,
    keyGenerator: (request) => request.ip,
    store: failureStore(counter),
    // Below the limit the headers would only tell a guesser how many tries are left.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'too_many_failures', `Too many failed attempts from this address. Try again in ${context.after}.`),
  });
  // Counted before the answer goes out, not after: once a guesser has its 404, the next request
  // (to this instance or, through Redis, to any other) already sees the failure.
  app.addHook('onSend', async (request, reply, payload) => {
    if (FAILURES.has(reply.statusCode) && isGuarded(request)) await counter.record(request.ip);
    return payload;
  });
  return counter;
}
