/**
 * The live controls and the timer's arithmetic, on plain Y.Docs: set, start, pause, add, reset,
 * and the same time left for a late joiner whose clock is off, once it has estimated the offset.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { estimateOffset, type ClockSample } from '../../client/clock';
import { LIMITS } from '../../shared/limits';
import { formatRemaining, IDLE_TIMER, remainingAt } from '../../shared/timer';
import { Wall } from '../../shared/wall';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

function newWall(): Wall {
  const wall = new Wall(new Y.Doc());
  wall.initialise({ title: 'Testi', language: 'fi', createdAt: T0 }, ['A', 'B'], 'four-workshops');
  return wall;
}

/** A second doc that receives everything `from` has: a page that joins later. */
function joinLater(from: Wall): Wall {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from.doc));
  return new Wall(doc);
}

describe('timer', () => {
  it('is idle until set, and set means stopped at the full duration', () => {
    const { control } = newWall();
    expect(control.timer()).toEqual(IDLE_TIMER);
    control.setTimer(10 * MIN);
    expect(control.timer()).toEqual({ state: 'paused', durationMs: 10 * MIN, endsAt: null, remainingMs: 10 * MIN });
    expect(remainingAt(control.timer(), T0 + 99 * MIN)).toBe(10 * MIN);
  });

  it('start, pause and start again keep the time left', () => {
    const { control } = newWall();
    control.setTimer(10 * MIN);
    control.start(T0);
    expect(control.timer()).toMatchObject({ state: 'running', endsAt: T0 + 10 * MIN });
    expect(remainingAt(control.timer(), T0 + 4 * MIN)).toBe(6 * MIN);
    control.pause(T0 + 4 * MIN);
    expect(control.timer()).toMatchObject({ state: 'paused', endsAt: null, remainingMs: 6 * MIN });
    // Paused time does not count.
    control.start(T0 + 20 * MIN);
    expect(control.timer()).toMatchObject({ state: 'running', endsAt: T0 + 26 * MIN });
    expect(remainingAt(control.timer(), T0 + 30 * MIN)).toBe(0);
  });

  it('does not start at zero, and pausing a stopped timer changes nothing', () => {
    const { control } = newWall();
    control.setTimer(MIN);
    control.start(T0);
    control.start(T0 + 2 * MIN); // already running: restarting keeps the same end
    expect(control.timer().endsAt).toBe(T0 + MIN);
    control.pause(T0 + 2 * MIN);
    expect(control.timer()).toMatchObject({ state: 'paused', remainingMs: 0 });
    control.start(T0 + 3 * MIN);
    expect(control.timer().state).toBe('paused');
    control.pause(T0 + 4 * MIN);
    expect(control.timer()).toMatchObject({ state: 'paused', remainingMs: 0 });
  });

  it('adds minutes while running and while paused; the duration grows with it', () => {
    const { control } = newWall();
    control.setTimer(5 * MIN);
    control.start(T0);
    control.addMinutes(1, T0 + 2 * MIN);
    expect(control.timer()).toMatchObject({ state: 'running', durationMs: 6 * MIN, endsAt: T0 + 6 * MIN });
    control.pause(T0 + 3 * MIN);
    control.addMinutes(5, T0 + 10 * MIN);
    expect(control.timer()).toMatchObject({ state: 'paused', durationMs: 11 * MIN, remainingMs: 8 * MIN });
    control.addMinutes(-20, T0 + 10 * MIN);
    expect(control.timer().remainingMs).toBe(0);
  });

  it('adding time after zero starts a new countdown from now', () => {
    const { control } = newWall();
    control.setTimer(MIN);
    control.start(T0);
    control.addMinutes(1, T0 + 5 * MIN);
    expect(remainingAt(control.timer(), T0 + 5 * MIN)).toBe(MIN);
  });

  it('reset goes back to the full duration, stopped; clear removes the timer', () => {
    const { control } = newWall();
    control.setTimer(3 * MIN);
    control.start(T0);
    control.reset();
    expect(control.timer()).toEqual({ state: 'paused', durationMs: 3 * MIN, endsAt: null, remainingMs: 3 * MIN });
    control.clearTimer();
    expect(control.timer()).toEqual(IDLE_TIMER);
  });

  it('clamps the duration to the limit', () => {
    const { control } = newWall();
    control.setTimer(LIMITS.timerMaxMs * 2);
    expect(control.timer().durationMs).toBe(LIMITS.timerMaxMs);
    control.setTimer(-5);
    expect(control.timer().durationMs).toBe(0);
  });

  it('a late joiner with a wrong clock sees the same time left once it knows the offset', () => {
    const facilitator = newWall();
    // The facilitator's page knows the server clock exactly.
    facilitator.control.setTimer(15 * MIN);
    facilitator.control.start(T0);

    const serverAt = T0 + 4 * MIN + 12_345;
    // Two pages that join later, one 7 minutes behind, one 2 hours ahead, each with a few samples
    // of GET /api/time (50 ms and 10 ms round trips; the 10 ms one is the better estimate).
    const pages = [-7 * MIN, 2 * 60 * MIN].map((skew) => {
      const local = serverAt + skew;
      const samples: ClockSample[] = [
        { sentAt: local - 100, receivedAt: local - 50, serverNow: serverAt - 100 + 40 },
        { sentAt: local - 10, receivedAt: local, serverNow: serverAt - 5 },
      ];
      const offset = estimateOffset(samples)!;
      const wall = joinLater(facilitator);
      return remainingAt(wall.control.timer(), local + offset);
    });
    const truth = remainingAt(facilitator.control.timer(), serverAt);
    expect(truth).toBe(15 * MIN - 4 * MIN - 12_345);
    for (const left of pages) expect(Math.abs(left - truth)).toBeLessThanOrEqual(5);
    expect(formatRemaining(pages[0]!)).toBe(formatRemaining(truth));
    expect(formatRemaining(pages[1]!)).toBe(formatRemaining(truth));
  });

  it('formats time left, rounding up so zero shows only at zero', () => {
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(65_000)).toBe('1:05');
    expect(formatRemaining(3_600_000)).toBe('1:00:00');
  });
});

describe('estimateOffset', () => {
  it('takes the sample with the shortest round trip and its midpoint', () => {
    const samples: ClockSample[] = [
      { sentAt: 1000, receivedAt: 1400, serverNow: 6000 },
      { sentAt: 2000, receivedAt: 2020, serverNow: 7010 },
      { sentAt: 3000, receivedAt: 3100, serverNow: 7990 },
    ];
    expect(estimateOffset(samples)).toBe(5000);
  });

  it('ignores samples where the local clock went backwards, and has no estimate without samples', () => {
    expect(estimateOffset([])).toBeNull();
    expect(estimateOffset([{ sentAt: 2000, receivedAt: 1000, serverNow: 0 }])).toBeNull();
  });
});

describe('control', () => {
  it('bring everyone here makes the task current and grows the focus counter each time', () => {
    const wall = newWall();
    const [first, second] = wall.process.tasks();
    expect(wall.control.focus()).toEqual({ taskId: first!.id, seq: 0 });
    wall.control.bringEveryoneHere(second!.id);
    wall.control.bringEveryoneHere(second!.id);
    expect(wall.control.focus()).toEqual({ taskId: second!.id, seq: 2 });
    // Making a task current is not bringing anyone: the counter stays.
    wall.control.setCurrentTask(first!.id);
    expect(wall.control.focus()).toEqual({ taskId: first!.id, seq: 2 });
    expect(joinLater(wall).control.focus()).toEqual({ taskId: first!.id, seq: 2 });
  });

  it('wall lock and author names are toggles with safe defaults', () => {
    const { control } = newWall();
    expect([control.locked(), control.showAuthors()]).toEqual([false, true]);
    control.setLocked(true);
    control.setShowAuthors(false);
    expect([control.locked(), control.showAuthors()]).toEqual([true, false]);
    control.setLocked(false);
    control.setShowAuthors(true);
    expect([control.locked(), control.showAuthors()]).toEqual([false, true]);
    expect(control.map.size).toBe(1); // only currentTaskId: defaults are not stored
  });
});
