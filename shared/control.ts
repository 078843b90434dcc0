/**
 * The facilitator's live controls, shared with everyone through the wall:
 *
 *   control  Y.Map  { currentTaskId?, focusSeq?, locked?, frozen?, showAuthors?, reviewFeedback?,
 *                     timerState?, timerDurationMs?, timerEndsAt?, timerRemainingMs? }
 *
 * Only the facilitator may write here; the server refuses anyone else's write to this map.
 * Timer times are on the server's clock (see timer.ts): callers pass `now` from their estimate
 * of it.
 */
import * as Y from 'yjs';
import { LIMITS } from './limits';
import { TimerState } from './schemas';
import { IDLE_TIMER, remainingAt, type TimerSnapshot } from './timer';
import { setOrDelete } from './ymaps';

export interface Focus {
  /** The task the facilitator brought everyone to. */
  taskId: string | null;
  /** Grows by one at each "bring everyone here": a client follows each new value once. */
  seq: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const clampDuration = (ms: number) => Math.max(0, Math.min(LIMITS.timerMaxMs, Math.round(ms)));

export class Control {
  constructor(readonly map: Y.Map<unknown>) {}

  // ---------------------------------------------------------------- reads

  currentTaskId(): string | null {
    const v = this.map.get('currentTaskId');
    return typeof v === 'string' ? v : null;
  }

  focus(): Focus {
    return { taskId: this.currentTaskId(), seq: num(this.map.get('focusSeq')) ?? 0 };
  }

  /** The whole wall is locked: the server accepts no participant edit. */
  locked(): boolean {
    return this.map.get('locked') === true;
  }

  /** The process is over: read-only for everyone but the facilitator. */
  frozen(): boolean {
    return this.map.get('frozen') === true;
  }

  showAuthors(): boolean {
    return this.map.get('showAuthors') !== false;
  }

  /** People reviewing later may comment and react. */
  reviewFeedback(): boolean {
    return this.map.get('reviewFeedback') === true;
  }

  timer(): TimerSnapshot {
    const state = TimerState.safeParse(this.map.get('timerState'));
    if (!state.success) return IDLE_TIMER;
    const durationMs = clampDuration(num(this.map.get('timerDurationMs')) ?? 0);
    const endsAt = num(this.map.get('timerEndsAt'));
    const remainingMs = clampDuration(num(this.map.get('timerRemainingMs')) ?? durationMs);
    if (state.data === 'running' && endsAt === null) return { state: 'paused', durationMs, endsAt: null, remainingMs };
    return { state: state.data, durationMs, endsAt: state.data === 'running' ? endsAt : null, remainingMs };
  }

  // ---------------------------------------------------------------- writes (facilitator)

  setCurrentTask(taskId: string): void {
    this.map.set('currentTaskId', taskId);
  }

  /** Makes `taskId` current and moves every participant's view there. */
  bringEveryoneHere(taskId: string): void {
    this.map.doc!.transact(() => {
      this.map.set('currentTaskId', taskId);
      this.map.set('focusSeq', this.focus().seq + 1);
    });
  }

  setLocked(on: boolean): void {
    setOrDelete(this.map, 'locked', on || undefined);
  }

  setFrozen(on: boolean): void {
    setOrDelete(this.map, 'frozen', on || undefined);
  }

  setShowAuthors(on: boolean): void {
    setOrDelete(this.map, 'showAuthors', on ? undefined : false);
  }

  setReviewFeedback(on: boolean): void {
    setOrDelete(this.map, 'reviewFeedback', on || undefined);
  }

  /** Sets the timer to `durationMs`, stopped. */
  setTimer(durationMs: number): void {
    const d = clampDuration(durationMs);
    this.writeTimer({ state: 'paused', durationMs: d, endsAt: null, remainingMs: d });
  }

  start(now: number): void {
    const t = this.timer();
    const left = t.state === 'idle' ? t.durationMs : remainingAt(t, now);
    if (left <= 0) return;
    this.writeTimer({ ...t, state: 'running', endsAt: now + left, remainingMs: left });
  }

  pause(now: number): void {
    const t = this.timer();
    if (t.state !== 'running') return;
    this.writeTimer({ ...t, state: 'paused', endsAt: null, remainingMs: remainingAt(t, now) });
  }

  /** Adds (or with a negative value, takes off) minutes, running or not. */
  addMinutes(minutes: number, now: number): void {
    const t = this.timer();
    const delta = Math.round(minutes * 60_000);
    const left = clampDuration(remainingAt(t, now) + delta);
    const durationMs = clampDuration(Math.max(t.durationMs + delta, left));
    if (t.state === 'running') this.writeTimer({ state: 'running', durationMs, endsAt: now + left, remainingMs: left });
    else this.writeTimer({ state: 'paused', durationMs, endsAt: null, remainingMs: left });
  }

  /** Back to the full duration, stopped. */
  reset(): void {
    const t = this.timer();
    this.writeTimer({ state: 'paused', durationMs: t.durationMs, endsAt: null, remainingMs: t.durationMs });
  }

  /** Clears the timer altogether. */
  clearTimer(): void {
    this.map.doc!.transact(() => {
      for (const k of ['timerState', 'timerDurationMs', 'timerEndsAt', 'timerRemainingMs']) if (this.map.has(k)) this.map.delete(k);
    });
  }

  private writeTimer(t: TimerSnapshot): void {
    this.map.doc!.transact(() => {
      this.map.set('timerState', t.state);
      this.map.set('timerDurationMs', t.durationMs);
      setOrDelete(this.map, 'timerEndsAt', t.endsAt ?? undefined);
      this.map.set('timerRemainingMs', t.remainingMs);
    });
  }
}
