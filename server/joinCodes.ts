/**
 * Short join codes ("K7Q-4PX") that stand for a wall's participant link, for the projector: a
 * room reads six characters off the screen more easily than a 32-character token.
 *
 * Kept in memory only, on purpose: a code is a second way into the wall, so it must not outlive
 * the workshop, and a copy of the database must not hold one. A restart forgets every code (the
 * facilitator's projector simply asks for a new one). Each code expires after `ttlMs`, and at most
 * `maxCodes` are held: past that the oldest is forgotten first, so a flood of requests cannot grow
 * the map without bound.
 */
import { randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET } from '../shared/schemas';

export interface JoinTarget {
  wallId: string;
  participantToken: string;
}

interface Entry extends JoinTarget {
  expiresAt: number;
}

export interface JoinCodeOptions {
  ttlMs?: number;
  maxCodes?: number;
  now?: () => number;
}

export const JOIN_CODE_TTL_MS = 12 * 60 * 60 * 1000;
export const MAX_JOIN_CODES = 10_000;

function randomCode(): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return `${s.slice(0, 3)}-${s.slice(3)}`;
}

export class JoinCodes {
  private readonly codes = new Map<string, Entry>();
  readonly ttlMs: number;
  private readonly maxCodes: number;
  private readonly now: () => number;

  constructor(options: JoinCodeOptions = {}) {
    this.ttlMs = options.ttlMs ?? JOIN_CODE_TTL_MS;
    this.maxCodes = options.maxCodes ?? MAX_JOIN_CODES;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.codes.size;
  }

  /**
   * A code for the target. The same link asked for again gets its existing code (with a fresh
   * expiry), so reloading the projector does not change what people already copied down.
   */
  issue(target: JoinTarget): { code: string; expiresAt: number } {
    const now = this.now();
    this.sweep(now);
    const expiresAt = now + this.ttlMs;
    for (const [code, entry] of this.codes) {
      if (entry.wallId === target.wallId && entry.participantToken === target.participantToken) {
        // Re-inserted so the Map's insertion order stays oldest-expiry first.
        this.codes.delete(code);
        this.codes.set(code, { ...target, expiresAt });
        return { code, expiresAt };
      }
    }
    let code = randomCode();
    while (this.codes.has(code)) code = randomCode();
    while (this.codes.size >= this.maxCodes) {
      const oldest = this.codes.keys().next().value;
      if (oldest === undefined) break;
      this.codes.delete(oldest);
    }
    this.codes.set(code, { ...target, expiresAt });
    return { code, expiresAt };
  }

  /** The link behind a code, or undefined when it is unknown or expired. */
  resolve(code: string): JoinTarget | undefined {
    const entry = this.codes.get(code);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.codes.delete(code);
      return undefined;
    }
    return { wallId: entry.wallId, participantToken: entry.participantToken };
  }

  /** Forgets every code of a wall (its participant link was replaced, or it was deleted). */
  forgetWall(wallId: string): void {
    for (const [code, entry] of this.codes) if (entry.wallId === wallId) this.codes.delete(code);
  }

  private sweep(now: number): void {
    // Insertion order is expiry order (every entry gets the same ttl), so stop at the first live one.
    for (const [code, entry] of this.codes) {
      if (entry.expiresAt > now) break;
      this.codes.delete(code);
    }
  }
}
