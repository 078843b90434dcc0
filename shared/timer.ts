/**
 * The group-work timer's arithmetic. The shared state holds the end time on the server's clock
 * (running) or the time left (paused); each client turns that into "time left" with its own
 * estimate of the server's clock, so a late joiner or a wrong clock still sees the same countdown.
 */
import type { TimerState } from './schemas';

export interface TimerSnapshot {
  state: TimerState;
  /** What the timer was set to. */
  durationMs: number;
  /** Server-clock epoch ms at which a running timer reaches zero. */
  endsAt: number | null;
  /** Time left while paused (or idle: the full duration). */
  remainingMs: number;
}

export const IDLE_TIMER: TimerSnapshot = { state: 'idle', durationMs: 0, endsAt: null, remainingMs: 0 };

/** Time left at server time `now`, never below zero. */
export function remainingAt(timer: TimerSnapshot, now: number): number {
  if (timer.state === 'running' && timer.endsAt !== null) return Math.max(0, timer.endsAt - now);
  return Math.max(0, timer.remainingMs);
}

/** "mm:ss", or "h:mm:ss" from an hour up; rounds up so the display reaches 0:00 at zero. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
